/**
 * Card orders whose payment never completes. Normally Stripe tells us (checkout.session.expired);
 * but a crash between committing a card order and creating its Checkout Session, or a lost
 * webhook, would leave the order pending with its stock held and its Idempotency-Key "in
 * progress" forever. expireStuckCardOrders cancels card orders still pending past the session's
 * expiry: stock back, key settled with the final answer, the buyer told.
 *
 * Every session is created with expires_at = order creation + CARD_PAYMENT_WINDOW_MS
 * (./stripe.ts), so one deadline covers orders with and without a session. Several instances
 * may run this at once: each order is claimed with FOR UPDATE SKIP LOCKED and re-checked under
 * the lock (markUnpaid changes only a pending payment), so each is expired once.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
import { orders, payments } from '~/commerce/db-schema';
import { settleKeysOf } from '~/commerce/orders/idempotency-store';
import { markUnpaid } from '~/commerce/orders/order-lifecycle';
import { enqueueOrderExpired } from '~/commerce/orders/order-messages';
import { loadOrder } from '~/commerce/orders/order-store';
import type { Database } from '~/db/client';

/** Stripe Checkout's default session lifetime (24 h; its minimum is 30 min). */
export const CARD_PAYMENT_WINDOW_MS = 24 * 3600_000;
/** Past the session's expiry, Stripe's own expired event gets this long to arrive first. */
export const EXPIRY_GRACE_MS = 15 * 60_000;

/** The Checkout Session's expires_at (Unix seconds) for an order created at `createdAt`. */
export function sessionExpiresAt(createdAt: Date): number {
  return Math.floor((createdAt.getTime() + CARD_PAYMENT_WINDOW_MS) / 1000);
}

/** The answer a retried Idempotency-Key gets once its card order has expired. */
export function expiredOrderResponse(orderNumber: string) {
  return {
    error: {
      code: 'order_expired',
      message: `Order ${orderNumber} was cancelled: its card payment was not completed in time. Nothing was charged; place a new order with a new Idempotency-Key.`,
      orderNumber,
    },
  };
}

export const EXPIRED_ORDER_STATUS = 410;

/**
 * Gives the Idempotency-Keys that made an expired card order their final answer (410), so a
 * retry learns the order is gone instead of replaying a checkout link that no longer works.
 * Used here and by the webhook's checkout.session.expired.
 */
export async function settleExpiredKeys(tx: Database, orderId: number, orderNumber: string): Promise<void> {
  await settleKeysOf(tx, orderId, EXPIRED_ORDER_STATUS, expiredOrderResponse(orderNumber));
}

/** Expires one due order, if any is left unclaimed; returns its number. */
async function expireOne(db: Database, cutoff: Date, now: Date): Promise<string | null | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ orderId: orders.id, orderNumber: orders.orderNumber })
      .from(orders)
      .innerJoin(payments, eq(payments.orderId, orders.id))
      .where(
        and(
          eq(orders.status, 'pending_payment'),
          eq(payments.method, 'card'),
          eq(payments.status, 'pending'),
          lt(orders.createdAt, cutoff),
        ),
      )
      .orderBy(asc(orders.createdAt))
      .limit(1)
      .for('update', { of: payments, skipLocked: true });
    if (!due) return undefined;
    if ((await markUnpaid(tx, due.orderId, 'expired', now)) !== 'cancelled') return null;
    await settleExpiredKeys(tx, due.orderId, due.orderNumber);
    const order = await loadOrder(tx, { orderId: due.orderId });
    if (order) await enqueueOrderExpired(tx, order, now);
    return due.orderNumber;
  });
}

/** Expires every card order still pending past its session's expiry; returns their numbers. */
export async function expireStuckCardOrders(db: Database, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - CARD_PAYMENT_WINDOW_MS - EXPIRY_GRACE_MS);
  const expired: string[] = [];
  for (;;) {
    const result = await expireOne(db, cutoff, now);
    if (result === undefined) break;
    if (result) expired.push(result);
  }
  return expired;
}
