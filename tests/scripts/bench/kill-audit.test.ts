/**
 * The kill bench's audit (scripts/bench/_kill-audit.ts) finds what it looks for: a clean run
 * passes, and each kind of damage a crash could do (a lost order, a second order for one key,
 * stock taken without an order, an undelivered message) is counted.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { placeOrder } from '~/commerce/orders/orders-service';
import { deliverPending } from '~/notifications/outbox';
import { fileTransport } from '~/notifications/transport';
import { auditKillRun, type Problems } from '~scripts/bench/_kill-audit';
import type { KeyOutcome, OrderBody } from '~scripts/bench/_kill-stream';
import { orderRequest } from '~tests/commerce/fixtures';
import { useCommerceDatabase } from '~tests/commerce/test-database';
import { useTestEnv } from '~tests/commerce/test-env';
import { testEngines } from '~tests/notifications/test-databases';

useTestEnv();
const pglite = testEngines().find((e) => e.name === 'pglite')!;

const ITEMS = {
  'key-1': [
    { sku: 'NM-500', quantity: 2 },
    { sku: 'NM-1000', quantity: 1 },
  ],
  'key-2': [{ sku: 'NM-500', quantity: 1 }],
  'key-3': [
    { sku: 'GOM-CHEN', quantity: 1 },
    { sku: 'NM-1000', quantity: 1 },
  ],
};

describe('the kill bench audit', () => {
  const shop = useCommerceDatabase(pglite);
  const mailbox = () => path.join(process.env.DATA_DIR!, 'outbox-audit');

  /** Three orders placed and delivered, as a run with no damage leaves them. */
  async function run(): Promise<KeyOutcome[]> {
    rmSync(mailbox(), { recursive: true, force: true });
    const outcomes: KeyOutcome[] = [];
    for (const [key, items] of Object.entries(ITEMS)) {
      const request = orderRequest({ items });
      // As the bench does: the Idempotency-Key in the notes ties the stored order to its request.
      request.buyer.notes = key;
      const outcome = await placeOrder(shop.ctx, request, key);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      outcomes.push({
        key,
        body: request as unknown as OrderBody,
        status: 201,
        orderNumber: outcome.body.orderNumber,
        attempts: 1,
        replayed: false,
        answeredAt: 0,
      });
    }
    await deliverPending(shop.db, fileTransport(mailbox()));
    return outcomes;
  }

  const audit = (outcomes: KeyOutcome[]) =>
    auditKillRun(shop.db, {
      outcomes,
      initialStock: new Map([
        ['NM-500', 10],
        ['GOM-CHEN', 3],
      ]),
      mailbox: mailbox(),
    });
  const exec = (query: string) => shop.db.execute(sql.raw(query));
  const failing = (problems: Problems) =>
    Object.fromEntries(Object.entries(problems).filter(([, n]) => n > 0));

  it('passes a run where every answered order, its stock and its messages are there', async () => {
    const result = await audit(await run());
    expect(failing(result.problems)).toEqual({});
    expect(result.figures).toMatchObject({ orders_in_db: 3, tracked_units_taken: 4, outbox_sent: 7 });
  });

  it('counts a lost order, and the stock it took without an order', async () => {
    const outcomes = await run();
    await exec("DELETE FROM orders WHERE notes = 'key-2'");
    const { problems } = await audit(outcomes);
    expect(failing(problems)).toEqual({
      missing_orders: 1,
      key_not_linked: 1,
      stock_mismatches: 1,
      messages_for_no_order: 2,
    });
  });

  it('counts a second order made with one key, and an order nobody was told about', async () => {
    const outcomes = await run();
    await exec(
      `INSERT INTO orders (order_number, status, payment_method, buyer_name, buyer_phone, address, province, notes, subtotal, shipping_total, total)
       SELECT order_number || 'X', status, payment_method, buyer_name, buyer_phone, address, province, notes, subtotal, shipping_total, total
       FROM orders WHERE notes = 'key-1'`,
    );
    const { problems } = await audit(outcomes.map((o) => (o.key === 'key-3' ? { ...o, status: 409 } : o)));
    expect(failing(problems)).toMatchObject({
      duplicated_orders: 1,
      orders_without_201: 1,
      messages_missing: 1,
    });
  });

  it('counts stock taken by nobody', async () => {
    const outcomes = await run();
    await exec("UPDATE stock_levels SET remaining = remaining - 1 WHERE sku = 'GOM-CHEN'");
    expect(failing((await audit(outcomes)).problems)).toEqual({ stock_mismatches: 1 });
  });

  it('counts messages left due, and delivers those a killed worker had leased', async () => {
    const outcomes = await run();
    const [due, leased] = (
      (await exec('SELECT id FROM outbox_messages ORDER BY id LIMIT 2')) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    await exec(
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, sent_at = NULL, next_attempt_at = now() - interval '1 second' WHERE id = ${due!.id}`,
    );
    await exec(
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, sent_at = NULL, next_attempt_at = now() + interval '5 minutes' WHERE id = ${leased!.id}`,
    );
    rmSync(path.join(mailbox(), `${String(leased!.id).padStart(8, '0')}.json`));
    const result = await audit(outcomes);
    // The due one is delivered along with the leased one once the clock passes the lease.
    expect(failing(result.problems)).toEqual({ outbox_pending_due: 1 });
    expect(result.figures).toMatchObject({
      outbox_leased_by_killed_worker: 1,
      outbox_delivered_after_lease: 2,
    });
  });

  it('counts a message marked sent that never reached the mailbox', async () => {
    const outcomes = await run();
    const [first] = (
      (await exec('SELECT id FROM outbox_messages ORDER BY id LIMIT 1')) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    rmSync(path.join(mailbox(), `${String(first!.id).padStart(8, '0')}.json`));
    expect(failing((await audit(outcomes)).problems)).toEqual({ sent_without_mail: 1 });
  });
});
