/**
 * The bank transfers the operators are waiting for: orders placed for payment by transfer whose
 * money has not been marked in, oldest first, 50 a page with a keyset cursor (the last order id
 * shown), read through a partial index so a page costs the same however many orders there are.
 * And the orders a bank statement names, for matching its lines.
 */
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { orders, payments } from '~/commerce/db-schema';
import type { Database } from '~/db/client';
import { transferPurpose } from './bank-transfer';
import type { OrderToMatch } from './statement-matching';

export const TRANSFER_QUEUE_PAGE_SIZE = 50;

/**
 * A transfer awaited: the order's payment by transfer is pending and the order is not cancelled.
 * `after` (a page's cursor) bounds the order looked up as well; see awaitedTransfers.
 */
export function transferAwaited(after?: number): SQL {
  // "Not cancelled" as NOT EXISTS, not a join condition: the dashboard counts payments alone,
  // and with 100,000 orders the join made PostgreSQL scan them all (25 ms → 3 ms).
  const bound = after === undefined ? sql`` : sql` AND ${orders.id} > ${after}`;
  return and(
    eq(payments.method, 'bank_transfer'),
    eq(payments.status, 'pending'),
    sql`NOT EXISTS (SELECT 1 FROM ${orders} WHERE ${orders.id} = ${payments.orderId} AND ${orders.status} = 'cancelled'${bound})`,
  ) as SQL;
}

export interface AwaitedTransfer {
  orderId: number;
  orderNumber: string;
  buyerName: string;
  buyerPhone: string;
  buyerEmail: string | null;
  /** What the buyer was asked to transfer, whole đồng. */
  amount: number;
  placedAt: Date;
  /** The description the buyer was told to write. */
  purpose: string;
}

export async function awaitedTransfers(
  db: Database,
  after?: number,
): Promise<{ rows: AwaitedTransfer[]; next?: number }> {
  const found = await db
    .select({
      orderId: orders.id,
      orderNumber: orders.orderNumber,
      buyerName: orders.buyerName,
      buyerPhone: orders.buyerPhone,
      buyerEmail: orders.buyerEmail,
      amount: payments.amount,
      placedAt: orders.createdAt,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    // The cursor is stated for orders too, in the join and in the NOT EXISTS: PostgreSQL does
    // not carry payments.order_id > after over to orders.id through the equality, and its
    // merge joins then read orders from the first id up to the cursor, so a page deep in the
    // queue cost more than the first (100,000 orders, a later page: p95 45 ms → 6 ms).
    .where(
      after
        ? and(transferAwaited(after), gt(payments.orderId, after), gt(orders.id, after))
        : transferAwaited(),
    )
    // Order ids follow placing: lowest first is oldest first, and the index's own order.
    .orderBy(asc(payments.orderId))
    .limit(TRANSFER_QUEUE_PAGE_SIZE + 1);
  const rows = found
    .slice(0, TRANSFER_QUEUE_PAGE_SIZE)
    .map((r) => ({ ...r, purpose: transferPurpose(r.orderNumber) }));
  return found.length > TRANSFER_QUEUE_PAGE_SIZE ? { rows, next: rows[rows.length - 1]!.orderId } : { rows };
}

/** The orders among `orderNumbers` (those that exist), by number. */
export async function ordersToMatch(
  db: Database,
  orderNumbers: readonly string[],
): Promise<Map<string, OrderToMatch>> {
  if (orderNumbers.length === 0) return new Map();
  const found = await db
    .select({
      orderNumber: orders.orderNumber,
      paymentMethod: payments.method,
      paymentStatus: payments.status,
      orderStatus: orders.status,
      amount: payments.amount,
    })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(inArray(orders.orderNumber, [...orderNumbers]));
  return new Map(found.map((o) => [o.orderNumber, o]));
}
