/** One order as stored, with its shipments, items and payment: for pages, the API and messages. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { orderItems, orders, payments, shipments } from './db-schema';
import { normaliseMobile } from './phone';

type OrderRow = typeof orders.$inferSelect;
type ShipmentRow = typeof shipments.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

export interface ShipmentDetails extends ShipmentRow {
  items: ItemRow[];
}

export interface OrderDetails extends OrderRow {
  payment: PaymentRow;
  shipments: ShipmentDetails[];
}

export async function loadOrder(
  db: Database,
  where: { orderNumber: string } | { orderId: number },
): Promise<OrderDetails | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where('orderNumber' in where ? eq(orders.orderNumber, where.orderNumber) : eq(orders.id, where.orderId));
  if (!order) return null;
  const [payment, shipmentRows, itemRows] = await Promise.all([
    db.select().from(payments).where(eq(payments.orderId, order.id)),
    db.select().from(shipments).where(eq(shipments.orderId, order.id)).orderBy(asc(shipments.id)),
    db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id)),
  ]);
  if (!payment[0]) throw new Error(`order ${order.orderNumber} has no payment row`);
  return {
    ...order,
    payment: payment[0],
    shipments: shipmentRows.map((s) => ({ ...s, items: itemRows.filter((i) => i.shipmentId === s.id) })),
  };
}

/** The order a shipment belongs to (a facility link names only its shipment). */
export async function orderIdOfShipment(db: Database, shipmentId: number): Promise<number | null> {
  const [row] = await db
    .select({ orderId: shipments.orderId })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  return row?.orderId ?? null;
}

/** True when the phone (any written form) or e-mail is the one the order was placed with. */
export function buyerMatches(
  order: Pick<OrderRow, 'buyerPhone' | 'buyerEmail'>,
  proof: { phone?: string; email?: string },
): boolean {
  if (proof.phone !== undefined) {
    const phone = normaliseMobile(proof.phone);
    if (phone !== null && phone === order.buyerPhone) return true;
  }
  if (proof.email !== undefined && order.buyerEmail) {
    if (proof.email.trim().toLowerCase() === order.buyerEmail) return true;
  }
  return false;
}

/** The public JSON of an order (GET /api/orders/{orderNumber}): no internal ids, no facility e-mails. */
export function orderStatusJson(o: OrderDetails) {
  return {
    orderNumber: o.orderNumber,
    status: o.status,
    createdAt: o.createdAt.toISOString(),
    currency: 'VND' as const,
    subtotal: o.subtotal,
    shippingTotal: o.shippingTotal,
    total: o.total,
    payment: {
      method: o.paymentMethod,
      status: o.payment.status,
      amount: o.payment.amount,
      paidAt: o.payment.paidAt?.toISOString() ?? null,
    },
    buyer: { name: o.buyerName, province: o.province },
    shipments: o.shipments.map((s) => ({
      facility: { id: s.facilityId, name: s.facilityName },
      status: s.status,
      subtotal: s.subtotal,
      shippingFee: s.shippingFee,
      total: s.total,
      trackingNumber: s.trackingNumber,
      cancelReason: s.cancelReason,
      confirmedAt: s.confirmedAt?.toISOString() ?? null,
      shippedAt: s.shippedAt?.toISOString() ?? null,
      cancelledAt: s.cancelledAt?.toISOString() ?? null,
      items: s.items.map((i) => ({
        sku: i.sku,
        productId: i.productId,
        name: i.productName,
        variant: i.variantName,
        packSize: i.packSize,
        unitPrice: i.unitPrice,
        quantity: i.quantity,
        lineTotal: i.lineTotal,
      })),
    })),
  };
}
