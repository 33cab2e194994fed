/**
 * Notifications' public entry (server side): messages are enqueued in the caller's transaction
 * (enqueueMessage) and delivered in the background (kickDelivery) through SMTP or the outbox
 * folder, with retries.
 */

export { messagesAbout } from './messages-about';
export { type DeliveryReport, deliverPending, enqueueMessage, listOutbox, type NewMessage } from './outbox';
export {
  listTroubledMessages,
  outboxMessage,
  type RetryOutcome,
  retryMessageNow,
  type Trouble,
  type TroubledMessage,
  troubleOf,
} from './outbox-admin';
export { type OutboxCounts, outboxCounts } from './outbox-counts';
export { configuredTransport, type MailboxFile, type MailTransport, readMailbox } from './transport';
export { kickDelivery, stopDelivery } from './worker';
