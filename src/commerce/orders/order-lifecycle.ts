/**
 * Changes of a whole order after checkout: paid by card (from the Stripe webhook) or
 * cancelled because its card payment failed, expired or could not start. Callers pass the
 * transaction; each change is written so that applying it twice changes nothing more, and
 * appends its event for the console's timeline (./order-events-store.ts) only when it changes.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { releaseReservations } from '~/commerce/cart/stock-store';
import { orders, type PaymentStatus, payments, shipments } from '~/commerce/db-schema';
import type { Database } from '~/db/client';
import { recordOrderEvents } from './order-events-store';
import { enqueueOrderPaid, enqueueRefundDue } from './order-messages';
import { loadOrder } from './order-store';

/** Cancels the order's unshipped shipments and gives their stock back. */
export async function cancelOrder(tx: Database, orderId: number, reason: string, now: Date): Promise<void> {
  const open = await tx
    .update(shipments)
    .set({ status: 'cancelled', cancelReason: reason, cancelledAt: now })
    .where(and(eq(shipments.orderId, orderId), inArray(shipments.status, ['pending', 'confirmed'])))
    .returning({ id: shipments.id });
  await releaseReservations(
    tx,
    open.map((s) => s.id),
    now,
  );
  const cancelled = await tx
    .update(orders)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(orders.id, orderId), ne(orders.status, 'cancelled')))
    .returning({ id: orders.id });
  await recordOrderEvents(tx, [
    ...open.map((s) => ({
      orderId,
      shipmentId: s.id,
      kind: 'shipment_cancelled' as const,
      at: now,
      detail: reason,
    })),
    ...cancelled.map(() => ({ orderId, kind: 'cancelled' as const, at: now, detail: reason })),
  ]);
}

export type PaymentOutcome =
  | 'paid'
  | 'already_paid'
  | 'paid_after_cancellation'
  | 'cancelled'
  | 'already_final'
  | 'ignored_after_paid';

/**
 * Records a successful card payment. Paid is final: later failure or expiry events never undo
 * it. A payment arriving for an order already cancelled is recorded and the operators are
 * told to refund it; the order stays cancelled (its stock is already back on sale).
 */
export async function markPaid(tx: Database, orderId: number, now: Date): Promise<PaymentOutcome> {
  const [payment] = await tx.select().from(payments).where(eq(payments.orderId, orderId)).for('update');
  if (!payment) throw new Error(`order ${orderId} has no payment`);
  if (payment.status === 'paid') return 'already_paid';
  await tx
    .update(payments)
    .set({ status: 'paid', paidAt: now, updatedAt: now })
    .where(eq(payments.id, payment.id));
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  await recordOrderEvents(tx, [
    { orderId, kind: order?.status === 'cancelled' ? 'paid_after_cancellation' : 'paid', at: now },
  ]);
  if (order?.status === 'cancelled') {
    const cancelled = await loadOrder(tx, { orderId });
    if (cancelled) await enqueueRefundDue(tx, cancelled, { kind: 'paid_after_cancellation' });
    return 'paid_after_cancellation';
  }
  await tx.update(orders).set({ status: 'placed', updatedAt: now }).where(eq(orders.id, orderId));
  const details = await loadOrder(tx, { orderId });
  if (details) await enqueueOrderPaid(tx, details, now);
  return 'paid';
}

/** Records a failed or expired card payment and cancels the order, unless it was paid already. */
export async function markUnpaid(
  tx: Database,
  orderId: number,
  status: Extract<PaymentStatus, 'failed' | 'expired'>,
  now: Date,
): Promise<PaymentOutcome> {
  const [payment] = await tx.select().from(payments).where(eq(payments.orderId, orderId)).for('update');
  if (!payment) throw new Error(`order ${orderId} has no payment`);
  if (payment.status === 'paid') return 'ignored_after_paid';
  if (payment.status !== 'pending') return 'already_final';
  await tx.update(payments).set({ status, updatedAt: now }).where(eq(payments.id, payment.id));
  await recordOrderEvents(tx, [
    { orderId, kind: status === 'expired' ? 'payment_expired' : 'payment_failed', at: now },
  ]);
  await cancelOrder(tx, orderId, status === 'expired' ? 'payment_expired' : 'payment_failed', now);
  return 'cancelled';
}
