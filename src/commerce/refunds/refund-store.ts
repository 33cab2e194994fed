/**
 * The refunds table and the queue of orders with money to give back. The queue reads only the
 * payments marked as possibly owing (payments.refund_due_since, kept by the triggers of
 * migration 0105 and by ./refund-service.ts), through their partial index, so it costs what the
 * orders owed money cost however many orders there are. For those it counts the rule of
 * ./refund-amounts.ts in SQL: what a paid order received if it is cancelled, else its cancelled
 * shipments' totals (capped at what it received), minus its refunds that did not fail.
 */
import { and, asc, count, eq, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import { orders, payments, refunds, shipments } from '~/commerce/db-schema';
import type { Database } from '~/db/client';
import type { RefundPlan } from './refund-amounts';

export type RefundRow = typeof refunds.$inferSelect;

export interface RefundQueueRow {
  orderId: number;
  orderNumber: string;
  orderStatus: (typeof orders.$inferSelect)['status'];
  buyerName: string;
  method: 'card' | 'bank_transfer' | 'cod';
  paid: number;
  due: number;
  refunded: number;
  /** Since when money has been owed back: how long the buyer has been waiting. */
  dueSince: Date;
}

const paid = sql`coalesce(${payments.receivedAmount}, ${payments.amount})`;
const cancelledTotal = sql`(SELECT coalesce(sum(${shipments.total}), 0) FROM ${shipments} WHERE ${shipments.orderId} = ${payments.orderId} AND ${shipments.status} = 'cancelled')`;
const given = sql<number>`(SELECT coalesce(sum(${refunds.amount}), 0) FROM ${refunds} WHERE ${refunds.orderId} = ${payments.orderId} AND ${refunds.status} <> 'failed')`;
// The order's status looked up per payment rather than joined: the dashboard counts payments
// alone, and joining every order made PostgreSQL scan them all (37 ms → 21 ms at 100,000).
const orderCancelled = sql`EXISTS (SELECT 1 FROM ${orders} WHERE ${orders.id} = ${payments.orderId} AND ${orders.status} = 'cancelled')`;
const owed = sql<number>`(CASE WHEN ${orderCancelled} THEN ${paid} ELSE least(${cancelledTotal}, ${paid}) END)`;

function outstanding(after?: number): SQL {
  return and(
    isNotNull(payments.refundDueSince),
    eq(payments.status, 'paid'),
    sql`${owed} > ${given}`,
    after === undefined ? undefined : gt(payments.orderId, after),
  ) as SQL;
}

/** Orders with money still to give back, oldest order first, `limit` after order id `after`. */
export async function refundQueue(
  db: Database,
  page: { after?: number | undefined; limit: number },
): Promise<RefundQueueRow[]> {
  const rows = await db
    .select({
      orderId: orders.id,
      orderNumber: orders.orderNumber,
      orderStatus: orders.status,
      buyerName: orders.buyerName,
      method: payments.method,
      paid: sql<number>`${paid}`.mapWith(Number),
      due: owed.mapWith(Number),
      refunded: given.mapWith(Number),
      dueSince: payments.refundDueSince,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(outstanding(page.after))
    .orderBy(asc(payments.orderId))
    .limit(page.limit);
  return rows.map((r) => ({ ...r, dueSince: r.dueSince! }));
}

/** How many orders have money still to give back: the dashboard's refunds queue. */
export async function refundsDueCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(payments).where(outstanding());
  return row?.n ?? 0;
}

export async function refundsOfOrder(db: Database, orderId: number): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id));
}

/**
 * Keeps the queue's mark in step after a refund changes: cleared once nothing is left to give
 * back (a pending refund counts), set again when a failed refund leaves money owed.
 */
export async function markRefundDue(
  db: Database,
  orderId: number,
  plan: RefundPlan,
  now: Date,
): Promise<void> {
  await db
    .update(payments)
    .set({
      refundDueSince:
        plan.outstanding > 0
          ? sql`coalesce(${payments.refundDueSince}, ${now.toISOString()}::timestamptz)`
          : null,
    })
    .where(eq(payments.orderId, orderId));
}
