/**
 * The console's dashboard: every queue that waits for a person, counted, each linking to the
 * screen that works it. The queues belong to their capabilities; this only gathers them.
 */
import { commerceQueueCounts } from '~/commerce/astro';
import type { Database } from '~/db/client';
import { outboxCounts } from '~/notifications/astro';
import { pendingClaimCount } from '~/portal/astro';
import { newReportCount } from '~/verification/astro';

export const QUEUE_KEYS = [
  'bankTransfersAwaiting',
  'paidAfterCancellation',
  'cardOrdersStuck',
  'reportsNew',
  'facilityClaimsPending',
  'emailsFailed',
  'emailsRetrying',
] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export type QueueCounts = Record<QueueKey, number>;

/** Where each queue is worked (without the locale prefix). */
export const QUEUE_LINKS: Record<QueueKey, string> = {
  bankTransfersAwaiting: '/admin/payments/',
  paidAfterCancellation: '/admin/refunds/',
  cardOrdersStuck: '/admin/orders/?queue=card_stuck',
  reportsNew: '/admin/reports/',
  facilityClaimsPending: '/admin/facility-claims/',
  emailsFailed: '/admin/emails/?only=failed',
  emailsRetrying: '/admin/emails/?only=retrying',
};

export async function queueCounts(db: Database, now = new Date()): Promise<QueueCounts> {
  const [commerce, reportsNew, facilityClaimsPending, outbox] = await Promise.all([
    commerceQueueCounts(db, now),
    newReportCount(db),
    pendingClaimCount(db),
    outboxCounts(db),
  ]);
  return {
    ...commerce,
    reportsNew,
    facilityClaimsPending,
    emailsFailed: outbox.failed,
    emailsRetrying: outbox.retrying,
  };
}
