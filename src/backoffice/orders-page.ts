/**
 * /admin/orders/ and /admin/orders/{orderNumber}/ (operators): the order search and one order
 * with its timeline. Commerce owns the search, the events and the timeline; notifications the
 * messages; this composes them for the pages (and for scripts/bench/70-console.ts, which times
 * exactly these calls).
 */
import {
  loadOrder,
  type OrderDetails,
  type OrderPage,
  orderEventsOf,
  orderTimeline,
  type ParsedOrderSearch,
  parseOrderSearch,
  searchOrders,
  type TimelineEntry,
} from '~/commerce/astro';
import type { Database } from '~/db/client';
import { messagesAbout } from '~/notifications/astro';

export interface OrdersState extends OrderPage {
  parsed: ParsedOrderSearch;
}

export async function ordersPageState(db: Database, url: URL, now = new Date()): Promise<OrdersState> {
  const parsed = parseOrderSearch(url.searchParams);
  return { parsed, ...(await searchOrders(db, parsed.search, now)) };
}

export interface OrderState {
  order: OrderDetails;
  timeline: TimelineEntry[];
}

/** The order and its timeline, or null for an unknown number (the page answers 404). */
export async function orderPageState(db: Database, orderNumber: string): Promise<OrderState | null> {
  const order = await loadOrder(db, { orderNumber });
  if (!order) return null;
  const [events, messages] = await Promise.all([
    orderEventsOf(db, order.id),
    messagesAbout(db, order.orderNumber),
  ]);
  return { order, timeline: orderTimeline(order, events, messages) };
}
