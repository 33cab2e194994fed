/**
 * The portal's browser-safe entry, for other capabilities: where a facility's inbox is, and who
 * among its members wants e-mail copies of new orders and quote requests (commerce and sourcing
 * queue those copies beside the facility's own message). Nothing here reaches Node, Astro's
 * server modules or a server-only package; the pages' wiring is in astro.ts.
 */
export { INBOX_PATH, inboxOrderPath, inboxPath, inboxQuotePath } from './inbox-paths';
export { INBOX_TOPICS, type InboxTopic, memberCopyRecipients } from './inbox-recipients';
