/**
 * The order's history for the console's timeline (migration 0106): each change to an order,
 * its payment or a shipment appends an event in the transaction that makes the change, so an
 * event exists exactly when the change does.
 */
import { asc, eq } from 'drizzle-orm';
import { type OrderEventKind, orderEvents } from '~/commerce/db-schema';
import type { Database } from '~/db/client';

export type OrderEventRow = typeof orderEvents.$inferSelect;

export interface NewOrderEvent {
  orderId: number;
  shipmentId?: number | null;
  kind: OrderEventKind;
  at: Date;
  detail?: string | null;
}

/** Appends events (pass the transaction of the change they record). */
export async function recordOrderEvents(tx: Database, events: readonly NewOrderEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(orderEvents).values(
    events.map((e) => ({
      orderId: e.orderId,
      shipmentId: e.shipmentId ?? null,
      kind: e.kind,
      at: e.at,
      detail: e.detail ?? null,
    })),
  );
}

/** An order's events, oldest first. */
export async function orderEventsOf(db: Database, orderId: number): Promise<OrderEventRow[]> {
  return db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
}
