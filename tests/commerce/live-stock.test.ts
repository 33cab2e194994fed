/**
 * Stock a facility sets while buyers order, on PGlite and PostgreSQL: orders and the save lock
 * the same stock row, so no unit is sold twice and no order goes through without taking its
 * units. Twenty one-unit orders race a save:
 *   - as the facility API saves (an absolute count): after the save, exactly 3 minus what
 *     orders took after it remains, and what orders took before it is at most the 5 there were;
 *   - as the portal saves (the difference from what the editor showed): the 5 there were plus
 *     the 3 added are sold or left, exactly.
 * Which order took its unit before or after the save is read from the reservation ids: the save
 * draws a number from the same sequence while it holds the row (a wrapper around setStock), and
 * an order draws its reservation id only after taking the row. Some orders start before the save,
 * the rest once it holds the row, so both sides of it are exercised.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '~/catalogue/catalogue';
import { remainingStock } from '~/commerce/cart/stock-store';
import { orders, stockReservations } from '~/commerce/db-schema';
import type { OrderOutcome } from '~/commerce/orders/orders-service';
import { placeOrder } from '~/commerce/orders/orders-service';
import type { Database } from '~/db/client';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from './fixtures';
import { clearListings, listingBody, liveView, saved, saveFor } from './live-listings-fixture';
import { useCommerceDatabase } from './test-database';
import { useTestEnv } from './test-env';

/** Reservation-sequence numbers drawn by saves, per SKU, while they held the stock row. */
const marks = vi.hoisted(() => new Map<string, number>());
/** Called when a save holds the stock row: the second half of the orders starts then. */
const onHolding = vi.hoisted(() => ({ call: () => {} }));

vi.mock('~/commerce/astro', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/commerce/astro')>();
  return {
    ...original,
    async setStock(tx: Database, sku: string, units: number, seen?: number) {
      const left = await original.setStock(tx, sku, units, seen);
      const result = await tx.execute(sql`SELECT nextval('stock_reservations_id_seq') AS mark`);
      const rows = Array.isArray(result) ? result : (result as unknown as { rows: { mark: string }[] }).rows;
      marks.set(sku, Number((rows[0] as { mark: string }).mark));
      onHolding.call();
      return left;
    },
  };
});

useTestEnv();

const SKU = 'GOM-CHEN';
const PRODUCT = 'gom-bat-trang';
const ORDERS = 20;
/** Orders started before the save: fewer than the database pool's 10 connections, so the save runs beside them. */
const FIRST = 6;

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`stock set while orders race on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    let files: Catalogue;

    beforeEach(async () => {
      await clearListings(shop.db);
      marks.clear();
      onHolding.call = () => {};
      files = shop.ctx.catalogue;
    });

    const withStock = (units: number) => {
      const body = listingBody(files, PRODUCT);
      body.variants.find((v) => v.sku === SKU)!.stock = units;
      return body;
    };

    /** 20 one-unit orders, some started before `save`, the rest while it holds the stock row. */
    async function race(save: () => Promise<unknown>) {
      const ctx = { ...shop.ctx, catalogue: await liveView(shop.db, files) };
      const order = () => placeOrder(ctx, orderRequest({ items: [{ sku: SKU, quantity: 1 }] }));
      const started: Promise<OrderOutcome>[] = [];
      const holding = new Promise<void>((resolve) => {
        onHolding.call = resolve;
      });
      for (let i = 0; i < FIRST; i++) started.push(order());
      const saving = save();
      await Promise.race([holding, saving]);
      for (let i = FIRST; i < ORDERS; i++) started.push(order());
      const [outcomes] = await Promise.all([Promise.all(started), saving]);
      const reservations = await shop.db
        .select({
          id: stockReservations.id,
          orderId: stockReservations.orderId,
          quantity: stockReservations.quantity,
        })
        .from(stockReservations)
        .where(eq(stockReservations.sku, SKU));
      const mark = marks.get(SKU)!;
      const sum = (rows: typeof reservations) => rows.reduce((n, r) => n + r.quantity, 0);
      return {
        outcomes,
        placed: outcomes.filter((o) => o.ok).length,
        before: sum(reservations.filter((r) => r.id < mark)),
        after: sum(reservations.filter((r) => r.id > mark)),
        reservations,
        left: (await remainingStock(shop.db, [SKU])).get(SKU)!,
      };
    }

    /** Every order placed holds its unit; every refusal is "out of stock" and left nothing behind. */
    async function expectEveryOrderReserved(result: Awaited<ReturnType<typeof race>>) {
      expect(await shop.db.$count(orders)).toBe(result.placed);
      expect(result.reservations).toHaveLength(result.placed);
      expect(new Set(result.reservations.map((r) => r.orderId)).size).toBe(result.placed);
      for (const outcome of result.outcomes)
        if (!outcome.ok) expect(outcome.error).toMatchObject({ status: 409, code: 'out_of_stock' });
    }

    it('never sells more than an absolute count allows (the facility API)', async () => {
      saved(await saveFor(shop.db, files, PRODUCT, withStock(5)));
      const result = await race(async () => saved(await saveFor(shop.db, files, PRODUCT, withStock(3))));
      await expectEveryOrderReserved(result);
      expect(result.left).toBeGreaterThanOrEqual(0);
      expect(result.before).toBeLessThanOrEqual(5);
      expect(result.after).toBeLessThanOrEqual(3);
      // After the save, the 3 it set were sold or are left: none more, none lost.
      expect(result.left + result.after).toBe(3);
      expect(result.placed).toBe(result.before + result.after);
    });

    it('keeps units sold while the editor was open when the portal saves a difference', async () => {
      saved(await saveFor(shop.db, files, PRODUCT, withStock(5)));
      // The editor showed 5 and the facility typed 8: three more, whatever sold meanwhile.
      const result = await race(async () =>
        saved(await saveFor(shop.db, files, PRODUCT, withStock(8), { stockSeen: { [SKU]: 5 } })),
      );
      await expectEveryOrderReserved(result);
      expect(result.left).toBeGreaterThanOrEqual(0);
      expect(result.placed + result.left).toBe(8);
      expect(result.before).toBeLessThanOrEqual(5);
    });
  });
}
