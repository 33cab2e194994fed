/**
 * The console's order list: orders matching an OrderSearch (./order-search.ts), newest first,
 * ORDER_PAGE_SIZE a page with a keyset cursor (the order after which to go on) instead of an
 * OFFSET, so the hundredth page costs what the first does. Each filter that narrows by itself
 * has an index in the list's order (migration 0106).
 */
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { orders, payments, type ShipmentStatus, shipments } from '~/commerce/db-schema';
import type { Database } from '~/db/client';
import { stuckCardOrders } from './console-queues';
import { type OrderSearch, vietnamDayBounds } from './order-search';

export const ORDER_PAGE_SIZE = 50;

export interface OrderSummary {
  orderNumber: string;
  createdAt: Date;
  status: (typeof orders.$inferSelect)['status'];
  paymentMethod: (typeof orders.$inferSelect)['paymentMethod'];
  paymentStatus: (typeof payments.$inferSelect)['status'];
  buyerName: string;
  buyerPhone: string;
  buyerEmail: string | null;
  total: number;
  shipments: { facilityId: string; facilityName: string; status: ShipmentStatus }[];
}

export interface OrderPage {
  rows: OrderSummary[];
  /** The last row's order number when more rows follow. */
  next?: string;
}

/** Where the page after `orderNumber` starts: its (created_at, id), created_at at full precision. */
async function cursorOf(db: Database, orderNumber: string): Promise<SQL | undefined> {
  // As text: a JavaScript Date would drop PostgreSQL's microseconds and skip or repeat rows.
  const [row] = await db
    .select({ at: sql<string>`${orders.createdAt}::text`, id: orders.id })
    .from(orders)
    .where(eq(orders.orderNumber, orderNumber));
  return row ? sql`(${orders.createdAt}, ${orders.id}) < (${row.at}::timestamptz, ${row.id})` : undefined;
}

function conditions(search: OrderSearch, now: Date): SQL[] {
  const where: SQL[] = [];
  const { query } = search;
  if (query?.by === 'orderNumber') where.push(eq(orders.orderNumber, query.value));
  if (query?.by === 'phone') where.push(eq(orders.buyerPhone, query.value));
  if (query?.by === 'email') where.push(eq(orders.buyerEmail, query.value));
  if (search.status) where.push(eq(orders.status, search.status));
  if (search.paymentMethod) where.push(eq(orders.paymentMethod, search.paymentMethod));
  if (search.paymentStatus) where.push(eq(payments.status, search.paymentStatus));
  if (search.from) where.push(gte(orders.createdAt, vietnamDayBounds(search.from).start));
  if (search.to) where.push(lt(orders.createdAt, vietnamDayBounds(search.to).end));
  if (search.facilityId) {
    const facilityId = search.facilityId;
    where.push(
      sql`exists (select 1 from ${shipments} where ${shipments.orderId} = ${orders.id} and ${shipments.facilityId} = ${facilityId})`,
    );
  }
  if (search.queue === 'card_stuck') where.push(stuckCardOrders(now));
  return where;
}

export async function searchOrders(db: Database, search: OrderSearch, now = new Date()): Promise<OrderPage> {
  const where = conditions(search, now);
  if (search.after) {
    const cursor = await cursorOf(db, search.after);
    if (cursor) where.push(cursor);
  }
  const found = await db
    .select({
      id: orders.id,
      orderNumber: orders.orderNumber,
      createdAt: orders.createdAt,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      paymentStatus: payments.status,
      buyerName: orders.buyerName,
      buyerPhone: orders.buyerPhone,
      buyerEmail: orders.buyerEmail,
      total: orders.total,
    })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(ORDER_PAGE_SIZE + 1);
  const page = found.slice(0, ORDER_PAGE_SIZE);
  const shipmentRows = page.length
    ? await db
        .select({
          orderId: shipments.orderId,
          facilityId: shipments.facilityId,
          facilityName: shipments.facilityName,
          status: shipments.status,
        })
        .from(shipments)
        .where(
          inArray(
            shipments.orderId,
            page.map((o) => o.id),
          ),
        )
        .orderBy(shipments.id)
    : [];
  const rows = page.map(({ id, ...order }) => ({
    ...order,
    shipments: shipmentRows.filter((s) => s.orderId === id).map(({ orderId: _, ...shipment }) => shipment),
  }));
  return found.length > ORDER_PAGE_SIZE ? { rows, next: rows[rows.length - 1]!.orderNumber } : { rows };
}
