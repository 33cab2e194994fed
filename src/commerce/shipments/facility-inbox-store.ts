/**
 * One facility's shipments for the facility portal's inbox: counts per status and a page of
 * them, newest order first, narrowed by status and by what was typed (an order number, a
 * buyer's mobile number, part of the buyer's name or of the order number). Only shipments the
 * facility has been told about: a card order still waiting for (or never given) its payment
 * sent the facility nothing (../orders/order-messages.ts), so it is not in the inbox either.
 */
import { and, count, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  orderItems,
  orders,
  payments,
  SHIPMENT_STATUSES,
  type ShipmentStatus,
  shipments,
} from '~/commerce/db-schema';
import { parseOrderNumber } from '~/commerce/orders/order-number';
import { normaliseMobile } from '~/commerce/orders/phone';
import type { Database } from '~/db/client';
import { foldedContains } from '~/db/folded-match';

export const FACILITY_INBOX_PAGE_SIZE = 50;

export interface FacilityShipmentQuery {
  status?: ShipmentStatus;
  /** What was typed in the search box (trimmed by the caller; empty: no text filter). */
  text?: string;
  /** 1-based. */
  page?: number;
}

export interface FacilityShipmentRow {
  shipmentId: number;
  orderNumber: string;
  createdAt: Date;
  status: ShipmentStatus;
  paymentMethod: (typeof orders.$inferSelect)['paymentMethod'];
  paymentStatus: (typeof payments.$inferSelect)['status'];
  buyerName: string;
  buyerPhone: string;
  province: string;
  /** This facility's part: its goods and shipping. */
  total: number;
  itemCount: number;
  trackingNumber: string | null;
}

export interface FacilityShipmentPage {
  rows: FacilityShipmentRow[];
  /** How many match the filters (all pages). */
  total: number;
}

/** The facility has been told about the order: anything but a card order not paid. */
const told = () => or(ne(orders.paymentMethod, 'card'), eq(payments.status, 'paid'))!;

/** What the search box holds, as a condition: an exact number, or parts of a name or number. */
export function shipmentTextCondition(text: string): SQL | undefined {
  const typed = text.trim().slice(0, 200);
  if (typed === '') return undefined;
  const orderNumber = parseOrderNumber(typed);
  if (orderNumber) return eq(orders.orderNumber, orderNumber);
  const phone = normaliseMobile(typed);
  if (phone) return eq(orders.buyerPhone, phone);
  return or(foldedContains(orders.buyerName, typed), foldedContains(orders.orderNumber, typed))!;
}

export async function facilityShipmentCounts(
  db: Database,
  facilityId: string,
): Promise<Record<ShipmentStatus, number>> {
  const rows = await db
    .select({ status: shipments.status, n: count() })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(and(eq(shipments.facilityId, facilityId), told()))
    .groupBy(shipments.status);
  const counts = Object.fromEntries(SHIPMENT_STATUSES.map((s) => [s, 0])) as Record<ShipmentStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export async function listFacilityShipments(
  db: Database,
  facilityId: string,
  query: FacilityShipmentQuery = {},
): Promise<FacilityShipmentPage> {
  const where = [eq(shipments.facilityId, facilityId), told()];
  if (query.status) where.push(eq(shipments.status, query.status));
  const text = query.text ? shipmentTextCondition(query.text) : undefined;
  if (text) where.push(text);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const [totalRow] = await db
    .select({ n: count() })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(and(...where));
  const rows = await db
    .select({
      shipmentId: shipments.id,
      orderNumber: orders.orderNumber,
      createdAt: orders.createdAt,
      status: shipments.status,
      paymentMethod: orders.paymentMethod,
      paymentStatus: payments.status,
      buyerName: orders.buyerName,
      buyerPhone: orders.buyerPhone,
      province: orders.province,
      total: shipments.total,
      itemCount: sql<number>`(select count(*) from ${orderItems} where ${orderItems.shipmentId} = ${shipments.id})::int`,
      trackingNumber: shipments.trackingNumber,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(and(...where))
    .orderBy(desc(orders.createdAt), desc(shipments.id))
    .limit(FACILITY_INBOX_PAGE_SIZE)
    .offset((page - 1) * FACILITY_INBOX_PAGE_SIZE);
  return {
    rows: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount) })),
    total: Number(totalRow?.n ?? 0),
  };
}
