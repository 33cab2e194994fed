/**
 * The audit of 61-faults-postgres.ts, read straight from the private cluster once the server
 * has stopped: every key's final answer against the orders, their shipments, items, payment,
 * the stock they took and the idempotency keys. Each figure counts something that must not
 * happen ("nothing half written").
 */
import pg from 'pg';
import type { OrderBody } from './_pg-restart-load';

/** One Idempotency-Key's last answer (after the retry of keys the outages left unanswered). */
export interface KeyFinal {
  key: string;
  body: OrderBody;
  status: number;
  code?: string | undefined;
  orderNumber?: string | undefined;
}

export interface RestartAudit {
  problems: Record<string, number>;
  figures: Record<string, number>;
  details: string[];
}

type Row = Record<string, unknown>;

export async function auditRestartRun(
  url: string,
  finals: KeyFinal[],
  initialStock: ReadonlyMap<string, number>,
  facilityOf: ReadonlyMap<string, string>,
): Promise<RestartAudit> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (query: string): Promise<Row[]> => (await client.query(query)).rows as Row[];
    return await audit(rows, finals, initialStock, facilityOf);
  } finally {
    await client.end();
  }
}

async function audit(
  rows: (query: string) => Promise<Row[]>,
  finals: KeyFinal[],
  initialStock: ReadonlyMap<string, number>,
  facilityOf: ReadonlyMap<string, string>,
): Promise<RestartAudit> {
  const details: string[] = [];
  const note = (line: string) => details.length < 20 && details.push(line);
  const orders = await rows(`
    SELECT o.id, o.order_number, o.notes,
      (SELECT count(*) FROM shipments s WHERE s.order_id = o.id)::int AS shipments,
      (SELECT count(*) FROM order_items i WHERE i.order_id = o.id)::int AS items,
      (SELECT count(*) FROM payments p WHERE p.order_id = o.id)::int AS payments,
      (SELECT count(*) FROM shipments s
        WHERE s.order_id = o.id AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.shipment_id = s.id))::int
        AS empty_shipments
    FROM orders o`);
  const byKey = new Map<string, Row[]>();
  for (const o of orders) byKey.set(String(o.notes), [...(byKey.get(String(o.notes)) ?? []), o]);
  const finalOf = new Map(finals.map((f) => [f.key, f]));

  const problems = {
    missing_orders: 0,
    orders_without_201: 0,
    duplicated_orders: 0,
    unanswered_keys: 0,
    incomplete_orders: 0,
    stuck_keys: 0,
    stock_mismatches: 0,
  };
  for (const f of finals) {
    if (f.status !== 201 && !(f.status === 409 && f.code === 'out_of_stock')) {
      problems.unanswered_keys++;
      note(`key ${f.key}: final answer ${f.status} ${f.code ?? ''}`);
    }
    if (f.status === 201 && !byKey.get(f.key)?.some((o) => o.order_number === f.orderNumber)) {
      problems.missing_orders++;
      note(`key ${f.key}: answered 201 ${f.orderNumber}, not in the database`);
    }
  }
  for (const [key, list] of byKey) {
    const final = finalOf.get(key);
    if (list.length > 1) {
      problems.duplicated_orders += list.length - 1;
      note(`key ${key} made ${list.length} orders`);
    }
    if (final?.status !== 201) {
      problems.orders_without_201 += list.length;
      note(`order ${list[0]!.order_number} (key ${key}) stored, its key answered ${final?.status}`);
    }
    for (const o of list) {
      const body = final?.body;
      const facilities = new Set(body?.items.map((i) => facilityOf.get(i.sku)));
      const whole =
        body !== undefined &&
        o.items === body.items.length &&
        o.shipments === facilities.size &&
        o.payments === 1 &&
        o.empty_shipments === 0;
      if (!whole) {
        problems.incomplete_orders++;
        note(
          `order ${o.order_number}: ${o.shipments} shipments (${o.empty_shipments} empty), ${o.items} items, ${o.payments} payments`,
        );
      }
    }
  }
  const keyRows = await rows('SELECT key, status_code, order_id FROM idempotency_keys');
  for (const k of keyRows.filter((k) => k.status_code === null)) {
    problems.stuck_keys++;
    note(`idempotency key ${k.key} left in progress (order ${k.order_id})`);
  }

  const left = new Map(
    (await rows('SELECT sku, remaining FROM stock_levels')).map((r) => [String(r.sku), Number(r.remaining)]),
  );
  const sum = async (query: string) =>
    new Map((await rows(query)).map((r) => [String(r.sku), Number(r.units)]));
  const ordered = await sum('SELECT sku, SUM(quantity) AS units FROM order_items GROUP BY sku');
  const reserved = await sum(
    'SELECT sku, SUM(quantity) AS units FROM stock_reservations WHERE released_at IS NULL GROUP BY sku',
  );
  let taken = 0;
  for (const [sku, start] of initialStock) {
    const took = start - (left.get(sku) ?? start);
    taken += took;
    if (took !== (ordered.get(sku) ?? 0) || took !== (reserved.get(sku) ?? 0)) {
      problems.stock_mismatches++;
      note(
        `${sku}: ${took} units taken, ${ordered.get(sku) ?? 0} ordered, ${reserved.get(sku) ?? 0} reserved`,
      );
    }
  }
  return {
    problems,
    figures: { orders_in_db: orders.length, idempotency_keys: keyRows.length, tracked_units_taken: taken },
    details,
  };
}
