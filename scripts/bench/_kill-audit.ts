/**
 * The audit of 60-faults-kill.ts, run on the database itself once the server has stopped:
 * the answers the clients got (_kill-stream.ts) against the orders, stock, idempotency keys and
 * outbox the database holds. Each figure is a count of something that must not happen, except
 * the outbox's state, which is described (sent, under a dead worker's lease, …).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { deliverPending } from '~/notifications/outbox';
import { fileTransport } from '~/notifications/transport';
import type { KeyOutcome } from './_kill-stream';

export interface AuditInput {
  outcomes: KeyOutcome[];
  /** Starting stock of each tracked SKU the stream orders (the listing's variant.stock). */
  initialStock: Map<string, number>;
  /** The file mailbox the server delivered to (DATA_DIR/outbox). */
  mailbox: string;
}

/** What went wrong: every count must be 0 for the run to pass. */
export interface Problems {
  missing_orders: number;
  wrong_order_number: number;
  duplicated_orders: number;
  orders_without_201: number;
  unanswered_keys: number;
  key_not_linked: number;
  stock_mismatches: number;
  messages_missing: number;
  messages_for_no_order: number;
  outbox_pending_due: number;
  outbox_failed: number;
  sent_without_mail: number;
  pending_after_lease: number;
}

export interface Audit {
  problems: Problems;
  details: string[];
  figures: Record<string, number>;
}

type Row = Record<string, unknown>;

async function rows(db: Database, query: string): Promise<Row[]> {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: Row[] }).rows;
}

const mailFile = (mailbox: string, id: number) => path.join(mailbox, `${String(id).padStart(8, '0')}.json`);

/** How long deliverPending leases a claimed message (src/notifications/outbox.ts), plus slack. */
const PAST_LEASE_MS = 6 * 60_000;

export async function auditKillRun(db: Database, input: AuditInput): Promise<Audit> {
  const details: string[] = [];
  const note = (line: string) => details.length < 20 && details.push(line);
  const created = new Map(input.outcomes.filter((o) => o.status === 201).map((o) => [o.key, o]));

  const orders = await rows(db, 'SELECT id, order_number, notes FROM orders');
  const byKey = new Map<string, Row[]>();
  for (const o of orders) byKey.set(String(o.notes), [...(byKey.get(String(o.notes)) ?? []), o]);
  const numbers = new Set(orders.map((o) => String(o.order_number)));

  let missing = 0;
  let wrongNumber = 0;
  for (const [key, outcome] of created) {
    if (!numbers.has(outcome.orderNumber!)) {
      missing++;
      note(`answered 201 ${outcome.orderNumber} (key ${key}) is not in the database`);
    } else if (!byKey.get(key)?.some((o) => o.order_number === outcome.orderNumber)) {
      wrongNumber++;
      note(`key ${key}: answered ${outcome.orderNumber}, stored under another key`);
    }
  }
  let duplicated = 0;
  let withoutAnswer = 0;
  for (const [key, list] of byKey) {
    if (list.length > 1) {
      duplicated += list.length - 1;
      note(`key ${key} made ${list.length} orders: ${list.map((o) => o.order_number).join(', ')}`);
    }
    if (!created.has(key)) {
      withoutAnswer += list.length;
      note(`order ${list[0]!.order_number} (key ${key}) exists but its key was never answered 201`);
    }
  }
  const unanswered = input.outcomes.filter((o) => o.status !== 201 && o.status !== 409);
  for (const o of unanswered.slice(0, 5)) note(`key ${o.key}: final answer ${o.status} ${o.code ?? ''}`);

  const keyRows = await rows(db, 'SELECT key, order_id, status_code FROM idempotency_keys');
  const idOf = new Map(orders.map((o) => [String(o.order_number), String(o.id)]));
  const keyOrder = new Map(keyRows.map((k) => [String(k.key), k]));
  let keyNotLinked = 0;
  for (const [key, outcome] of created) {
    const row = keyOrder.get(key);
    if (!row || String(row.order_id) !== idOf.get(outcome.orderNumber!) || Number(row.status_code) !== 201) {
      keyNotLinked++;
      note(
        `key ${key}: idempotency row ${row ? `order ${row.order_id} status ${row.status_code}` : 'missing'}`,
      );
    }
  }

  const stock = await auditStock(db, input.initialStock, note);
  const outbox = await auditOutbox(db, orders, input.mailbox, note);
  return {
    problems: {
      missing_orders: missing,
      wrong_order_number: wrongNumber,
      duplicated_orders: duplicated,
      orders_without_201: withoutAnswer,
      unanswered_keys: unanswered.length,
      key_not_linked: keyNotLinked,
      stock_mismatches: stock.mismatches,
      ...outbox.problems,
    },
    details,
    figures: { orders_in_db: orders.length, ...stock.figures, ...outbox.figures },
  };
}

/** Per tracked SKU: units taken from stock = units in stored orders = units reserved. */
async function auditStock(db: Database, initial: Map<string, number>, note: (line: string) => void) {
  const left = new Map(
    (await rows(db, 'SELECT sku, remaining FROM stock_levels')).map((r) => [
      String(r.sku),
      Number(r.remaining),
    ]),
  );
  const sum = async (query: string) =>
    new Map((await rows(db, query)).map((r) => [String(r.sku), Number(r.units)]));
  const ordered = await sum('SELECT sku, SUM(quantity) AS units FROM order_items GROUP BY sku');
  const reserved = await sum(
    'SELECT sku, SUM(quantity) AS units FROM stock_reservations WHERE released_at IS NULL GROUP BY sku',
  );
  let mismatches = 0;
  let taken = 0;
  let soldOut = 0;
  for (const [sku, start] of initial) {
    const took = start - (left.get(sku) ?? start);
    const inOrders = ordered.get(sku) ?? 0;
    const inReservations = reserved.get(sku) ?? 0;
    taken += took;
    if (left.get(sku) === 0) soldOut++;
    if (took !== inOrders || inOrders !== inReservations) {
      mismatches++;
      note(`${sku}: ${took} units taken from stock, ${inOrders} in orders, ${inReservations} reserved`);
    }
  }
  return { mismatches, figures: { tracked_units_taken: taken, tracked_skus_sold_out: soldOut } };
}

/**
 * Every order has its messages (the buyer's confirmation, one per shipment for its facility)
 * and no message announces an order that is not there. Then delivery: after the wait, nothing
 * due may still be pending; messages a killed worker had claimed stay leased for 5 minutes, so
 * they are delivered here with the clock moved past the lease, as the restarted server would
 * then, and must all go out.
 */
async function auditOutbox(db: Database, orders: Row[], mailbox: string, note: (line: string) => void) {
  const shipmentRows = await rows(
    db,
    'SELECT o.order_number, s.facility_id FROM shipments s JOIN orders o ON o.id = s.order_id',
  );
  const expected = new Set(orders.map((o) => `order-confirmation ${o.order_number}`));
  for (const s of shipmentRows) expected.add(`facility-new-order ${s.order_number}/${s.facility_id}`);
  const messages = await rows(
    db,
    'SELECT id, kind, ref, status, attempts, next_attempt_at <= now() AS due FROM outbox_messages',
  );
  const stored = new Set(messages.map((m) => `${m.kind} ${m.ref}`));
  let missing = 0;
  for (const e of expected) {
    if (!stored.has(e)) {
      missing++;
      note(`outbox: no ${e}`);
    }
  }
  const stray = messages.filter((m) => !expected.has(`${m.kind} ${m.ref}`)).length;
  const count = (test: (m: Row) => boolean) => messages.filter(test).length;
  const pending = (m: Row) => m.status === 'pending';
  const leased = messages.filter((m) => pending(m) && !m.due && Number(m.attempts) === 0);
  const sentWithoutMail = messages.filter(
    (m) => m.status === 'sent' && !existsSync(mailFile(mailbox, Number(m.id))),
  );
  for (const m of sentWithoutMail.slice(0, 3))
    note(`outbox: message ${m.id} marked sent, not in the mailbox`);
  const figures = {
    outbox_messages: messages.length,
    outbox_sent: count((m) => m.status === 'sent'),
    outbox_leased_by_killed_worker: leased.length,
    outbox_leased_already_mailed: leased.filter((m) => existsSync(mailFile(mailbox, Number(m.id)))).length,
    outbox_retrying: count((m) => pending(m) && Number(m.attempts) > 0),
    outbox_delivered_after_lease: 0,
  };
  const problems = {
    messages_missing: missing,
    messages_for_no_order: stray,
    outbox_pending_due: count((m) => pending(m) && m.due === true),
    outbox_failed: count((m) => m.status === 'failed'),
    sent_without_mail: sentWithoutMail.length,
    pending_after_lease: 0,
  };
  if (leased.length) {
    const late = await deliverPending(db, fileTransport(mailbox), {
      now: new Date(Date.now() + PAST_LEASE_MS),
      limit: 10_000,
    });
    figures.outbox_delivered_after_lease = late.sent;
    const [left] = await rows(db, "SELECT COUNT(*) AS n FROM outbox_messages WHERE status <> 'sent'");
    problems.pending_after_lease = Number(left?.n ?? 0);
  }
  return { problems, figures };
}
