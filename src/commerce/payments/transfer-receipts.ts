/**
 * Marking a bank transfer paid, as an operator does from the console: the amount that arrived
 * and the bank's reference are recorded on the payment, then the order goes through the same
 * lifecycle step as a card payment (../orders/order-lifecycle.ts markPaid: order placed,
 * buyer's receipt and facilities' go-ahead, or "paid after cancellation" and a refund due),
 * with the audit entry in the same transaction. Refused, changing nothing, when the amount is
 * not the order's unless overridden with a reason; marking a paid order again changes nothing.
 */
import { eq } from 'drizzle-orm';
import { orders, payments } from '~/commerce/db-schema';
import { markPaid } from '~/commerce/orders/order-lifecycle';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';

export interface TransferReceipt {
  orderNumber: string;
  /** Whole đồng that arrived. */
  amount: number;
  /** The bank's reference of the transfer (or the statement line's description). */
  reference: string;
  /** Why a different amount is accepted; required when it differs from the order's. */
  overrideReason?: string | undefined;
}

export type TransferOutcome =
  | { outcome: 'paid'; orderNumber: string }
  /** The order had been cancelled: the money is recorded as owed back, the order stays cancelled. */
  | { outcome: 'paid_after_cancellation'; orderNumber: string }
  | { outcome: 'already_paid'; orderNumber: string; paidAt: Date | null; reference: string | null }
  | { outcome: 'amount_mismatch'; orderNumber: string; expected: number }
  | { outcome: 'not_found' | 'not_bank_transfer' | 'not_payable'; orderNumber: string };

export async function markTransferPaid(
  db: Database,
  actor: Actor,
  receipt: TransferReceipt,
  now = new Date(),
): Promise<TransferOutcome> {
  const { orderNumber } = receipt;
  return db.transaction(async (tx): Promise<TransferOutcome> => {
    const [order] = await tx
      .select({ id: orders.id, method: orders.paymentMethod })
      .from(orders)
      .where(eq(orders.orderNumber, orderNumber));
    if (!order) return { outcome: 'not_found', orderNumber };
    if (order.method !== 'bank_transfer') return { outcome: 'not_bank_transfer', orderNumber };
    // Lock the payment: two operators confirming the same transfer at once mark it paid once.
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, order.id)).for('update');
    if (!payment) return { outcome: 'not_found', orderNumber };
    const [{ status: orderStatus } = { status: 'placed' }] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.id, order.id));
    if (payment.status === 'paid')
      return { outcome: 'already_paid', orderNumber, paidAt: payment.paidAt, reference: payment.reference };
    if (payment.status !== 'pending') return { outcome: 'not_payable', orderNumber };
    const differs = receipt.amount !== payment.amount;
    if (differs && !receipt.overrideReason)
      return { outcome: 'amount_mismatch', orderNumber, expected: payment.amount };
    await tx
      .update(payments)
      .set({ receivedAmount: receipt.amount, reference: receipt.reference, markedBy: actor.label })
      .where(eq(payments.id, payment.id));
    const outcome = await markPaid(tx, order.id, now);
    if (outcome !== 'paid' && outcome !== 'paid_after_cancellation')
      throw new Error(`order ${orderNumber}: marking a pending transfer paid gave ${outcome}`);
    await appendAudit(tx, actor, {
      action: 'payment.mark_paid',
      target: { type: 'order', id: orderNumber },
      before: { status: payment.status, orderStatus, amount: payment.amount },
      after: {
        status: 'paid',
        outcome,
        receivedAmount: receipt.amount,
        reference: receipt.reference,
        ...(differs ? { overrideReason: receipt.overrideReason } : {}),
      },
    });
    return { outcome, orderNumber };
  });
}
