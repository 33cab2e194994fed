/** One order as the refund screen shows it: what was paid, what is due, and every refund made. */
import { loadOrder, type OrderDetails } from '~/commerce/orders/order-store';
import type { Database } from '~/db/client';
import { type RefundPlan, refundPlan } from './refund-amounts';
import { type RefundRow, refundsOfOrder } from './refund-store';

export interface OrderRefunds {
  order: OrderDetails;
  plan: RefundPlan;
  refunds: RefundRow[];
  /** Card refunds go through Stripe; the others are made by hand and recorded with a reference. */
  byHand: boolean;
}

export async function orderRefunds(db: Database, orderNumber: string): Promise<OrderRefunds | null> {
  const order = await loadOrder(db, { orderNumber });
  if (!order) return null;
  const refunds = await refundsOfOrder(db, order.id);
  return { order, plan: refundPlan({ ...order, refunds }), refunds, byHand: order.paymentMethod !== 'card' };
}
