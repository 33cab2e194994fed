/**
 * The commerce queues of the operators' console, counted: what is waiting for a person.
 * Each is one indexed count, so the dashboard stays fast with many orders.
 */
import { and, count, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { orders, payments } from '../db-schema';
import { CARD_PAYMENT_WINDOW_MS, EXPIRY_GRACE_MS } from '../payments/card-expiry';
import { transferAwaited } from '../payments/transfer-queue-store';
import { refundsDueCount } from '../refunds/refund-store';

/** A card order with no Stripe session this long after it was placed lost it to a crash. */
export const NO_SESSION_STUCK_MS = 10 * 60_000;

export interface CommerceQueueCounts {
  /** Bank-transfer orders waiting for the money. */
  bankTransfersAwaiting: number;
  /**
   * Orders with money to give back, net of refunds made: paid after they were cancelled, or
   * paid with shipments cancelled since (../refunds/refund-amounts.ts). Worked at /admin/refunds/.
   */
  paidAfterCancellation: number;
  /** Card orders pending with no checkout session, or past the session's expiry. */
  cardOrdersStuck: number;
}

/**
 * Card orders stuck, for the dashboard's count and the console's order list alike (over
 * orders joined to payments): still awaiting a card payment with no Checkout Session
 * NO_SESSION_STUCK_MS after they were placed (a crash before the session was made), or past the
 * session's expiry and its grace (the expiry job is not running). Only orders still awaiting
 * payment: a card order cancelled because Stripe could not start keeps its payment pending
 * without a session, and nothing about it is left to do.
 */
export function stuckCardOrders(now: Date): SQL {
  return and(
    eq(orders.status, 'pending_payment'),
    eq(payments.method, 'card'),
    eq(payments.status, 'pending'),
    or(
      and(
        isNull(payments.stripeSessionId),
        lt(orders.createdAt, new Date(now.getTime() - NO_SESSION_STUCK_MS)),
      ),
      lt(orders.createdAt, new Date(now.getTime() - CARD_PAYMENT_WINDOW_MS - EXPIRY_GRACE_MS)),
    ),
  )!;
}

/** Counts payments only: for a condition that needs nothing of the order but a subquery. */
async function countPayments(db: Database, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(payments).where(where);
  return row?.n ?? 0;
}

async function countWhere(db: Database, where: ReturnType<typeof and>): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(where);
  return row?.n ?? 0;
}

export async function commerceQueueCounts(db: Database, now = new Date()): Promise<CommerceQueueCounts> {
  const [bankTransfersAwaiting, paidAfterCancellation, cardOrdersStuck] = await Promise.all([
    // Transfer orders are placed at once (facilities may prepare): awaited until marked paid.
    countPayments(db, transferAwaited()),
    refundsDueCount(db),
    countWhere(db, stuckCardOrders(now)),
  ]);
  return { bankTransfersAwaiting, paidAfterCancellation, cardOrdersStuck };
}
