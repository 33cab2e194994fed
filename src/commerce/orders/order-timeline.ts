/**
 * An order's timeline for the console: placed, then every recorded change (order events,
 * migration 0106) and every message sent about it, oldest first. An order placed before the
 * events were recorded, or changed by code that records none, still shows what its columns
 * hold (paid_at, a shipment's confirmed/shipped/cancelled_at): a column stands in for the
 * event of its kind only when no such event exists, so nothing appears twice. Pure.
 */
import type { OrderEventKind } from '~/commerce/db-schema';
import type { OrderEventRow } from './order-events-store';
import type { OrderDetails } from './order-store';

/** A message about the order, as the outbox holds it (structurally: no notifications import). */
export interface TimelineMessage {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export type TimelineEntry =
  | { type: 'placed'; at: Date }
  | {
      type: 'event';
      at: Date;
      kind: OrderEventKind;
      /** The shipment's facility, for shipment events. */
      facility?: { id: string; name: string };
      detail: string | null;
      /** Read from the order's columns, not from a recorded event. */
      fromColumns: boolean;
    }
  | { type: 'message'; at: Date; message: TimelineMessage };

type EventEntry = Extract<TimelineEntry, { type: 'event' }>;

const RANK: Record<TimelineEntry['type'], number> = { placed: 0, event: 1, message: 2 };

/** What the columns say happened, for kinds that have no recorded event. */
function columnEvents(order: OrderDetails, recorded: readonly OrderEventRow[]): EventEntry[] {
  const has = (kinds: readonly OrderEventKind[], shipmentId: number | null = null) =>
    recorded.some((e) => kinds.includes(e.kind) && (shipmentId === null || e.shipmentId === shipmentId));
  const entries: EventEntry[] = [];
  const add = (
    at: Date | null,
    kind: OrderEventKind,
    detail: string | null,
    facility?: EventEntry['facility'],
  ) => {
    if (at)
      entries.push({ type: 'event', at, kind, detail, fromColumns: true, ...(facility ? { facility } : {}) });
  };
  const { payment } = order;
  if (!has(['paid', 'paid_after_cancellation'])) add(payment.paidAt, 'paid', null);
  if (payment.status === 'failed' && !has(['payment_failed'])) add(payment.updatedAt, 'payment_failed', null);
  if (payment.status === 'expired' && !has(['payment_expired']))
    add(payment.updatedAt, 'payment_expired', null);
  if (order.status === 'cancelled' && !has(['cancelled'])) add(order.updatedAt, 'cancelled', null);
  for (const s of order.shipments) {
    const facility = { id: s.facilityId, name: s.facilityName };
    if (!has(['shipment_confirmed'], s.id)) add(s.confirmedAt, 'shipment_confirmed', null, facility);
    if (!has(['shipment_shipped'], s.id)) add(s.shippedAt, 'shipment_shipped', s.trackingNumber, facility);
    if (!has(['shipment_cancelled'], s.id))
      add(s.cancelledAt, 'shipment_cancelled', s.cancelReason, facility);
  }
  return entries;
}

export function orderTimeline(
  order: OrderDetails,
  events: readonly OrderEventRow[],
  messages: readonly TimelineMessage[],
): TimelineEntry[] {
  const facilityOf = new Map(order.shipments.map((s) => [s.id, { id: s.facilityId, name: s.facilityName }]));
  const recorded: EventEntry[] = events.map((e) => {
    const facility = e.shipmentId === null ? undefined : facilityOf.get(e.shipmentId);
    return {
      type: 'event',
      at: e.at,
      kind: e.kind,
      detail: e.detail,
      fromColumns: false,
      ...(facility ? { facility } : {}),
    };
  });
  const entries: TimelineEntry[] = [
    { type: 'placed', at: order.createdAt },
    ...recorded,
    ...columnEvents(order, events),
    ...messages.map((message) => ({ type: 'message' as const, at: message.createdAt, message })),
  ];
  // Stable: at equal times a change comes before the messages it caused, in recorded order.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        a.entry.at.getTime() - b.entry.at.getTime() ||
        RANK[a.entry.type] - RANK[b.entry.type] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
}
