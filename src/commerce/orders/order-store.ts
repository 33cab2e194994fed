/** One order as stored, with its shipments, items and payment: for pages, the API and messages. */
import { asc, eq } from 'drizzle-orm';
import { orderItems, orders, payments, shipments } from '~/commerce/db-schema';
import type { Database } from '~/db/client';

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
  // One after another: `db` is often a transaction, one connection, which runs one query at a
  // time anyway (pg queues them today with a deprecation warning, and pg@9 refuses).
  const payment = await db.select().from(payments).where(eq(payments.orderId, order.id));
  const shipmentRows = await db
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, order.id))
    .orderBy(asc(shipments.id));
  const itemRows = await db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.id));
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
