/**
 * How much money an order owes back, in whole đồng. Pure: the refund pages, the refund service
 * and the unit tests share it; ./refund-store.ts counts the same rule in SQL for the queue.
 *
 * Only a paid order owes anything, and never more than was paid (the amount that arrived, for
 * a bank transfer marked paid with another amount). A cancelled order owes all of it: nothing
 * will be delivered (an order paid after it was cancelled, or whose every shipment its facility
 * cancelled). Otherwise each cancelled shipment's total is due, its goods plus its shipping
 * fee, as the refund-due message says (../orders/order-messages.ts). A pending refund counts as
 * given back (it is on its way); a failed one does not.
 */
import type { RefundStatus, ShipmentStatus } from '~/commerce/db-schema';

export interface RefundPlanInput {
  status: string;
  payment: { status: string; amount: number; receivedAmount?: number | null };
  shipments: readonly {
    id: number;
    status: ShipmentStatus;
    total: number;
    facilityId: string;
    facilityName: string;
  }[];
  refunds: readonly { shipmentId: number | null; amount: number; status: RefundStatus }[];
}

export interface ShipmentRefund {
  shipmentId: number;
  facilityId: string;
  facilityName: string;
  /** The cancelled shipment's total: goods and shipping fee. */
  total: number;
  /** Given back for it: its own refunds, then whole-order refunds in shipment order. */
  refunded: number;
  /** What a refund of this shipment would be now. */
  outstanding: number;
}

export interface RefundPlan {
  /** What the buyer paid (0 unless the payment is paid). */
  paid: number;
  due: number;
  refunded: number;
  outstanding: number;
  /** The cancelled shipments, in the order given. */
  shipments: ShipmentRefund[];
}

/** What a refund covers: everything outstanding on the order, or one cancelled shipment. */
export type RefundScope = 'all' | { shipmentId: number };

export function refundPlan(input: RefundPlanInput): RefundPlan {
  const paid = input.payment.status === 'paid' ? (input.payment.receivedAmount ?? input.payment.amount) : 0;
  const cancelled = input.shipments.filter((s) => s.status === 'cancelled');
  const live = input.refunds.filter((r) => r.status !== 'failed');
  const due = input.status === 'cancelled' ? paid : Math.min(paid, sum(cancelled.map((s) => s.total)));
  const refunded = sum(live.map((r) => r.amount));
  const outstanding = Math.max(0, due - refunded);
  // Whole-order refunds are spread over the shipments they paid back, first come first.
  let wholeOrder = sum(live.filter((r) => r.shipmentId === null).map((r) => r.amount));
  const shipments = cancelled.map((s) => {
    const own = sum(live.filter((r) => r.shipmentId === s.id).map((r) => r.amount));
    const share = Math.min(Math.max(0, s.total - own), wholeOrder);
    wholeOrder -= share;
    const left = Math.max(0, s.total - own - share);
    return {
      shipmentId: s.id,
      facilityId: s.facilityId,
      facilityName: s.facilityName,
      total: s.total,
      refunded: own + share,
      outstanding: Math.min(left, outstanding),
    };
  });
  return { paid, due, refunded, outstanding, shipments };
}

/** The amount a refund of `scope` gives back now; 0 when nothing is due there. */
export function refundAmount(plan: RefundPlan, scope: RefundScope): number {
  if (scope === 'all') return plan.outstanding;
  return plan.shipments.find((s) => s.shipmentId === scope.shipmentId)?.outstanding ?? 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
