/**
 * Saving listings on PGlite and PostgreSQL: a save is all-or-nothing with its revision, SKUs,
 * stock and audit entry; a SKU another product holds is refused; a stale revision is a conflict;
 * undo steps back to the files' listing; stock set with what the editor showed keeps orders
 * taken meanwhile.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remainingStock, takeStock } from '~/commerce/cart/stock-store';
import { auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import {
  listingHistory,
  savedListing,
  saveListing,
  takeChangeSeq,
  undoLastChange,
} from '~/listings/listing-store';
import { openPostgresSchema, testEngines } from '../notifications/test-databases';
import { bodyA, fixtureCatalogue, PRODUCT_A, PRODUCT_B, targetOf } from './listing-fixture';

const actor = { kind: 'user' as const, id: 'u1', label: 'lan@example.vn', role: 'facility' };

describe.each(testEngines())('listing store on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  const catalogue = fixtureCatalogue();
  const audits = async (productId: string) =>
    (await handle.db.select().from(auditLog).where(eq(auditLog.targetId, productId))).length;

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)('saves, audits, records revision 0 from the files, then undoes to it', async () => {
    const target = targetOf(catalogue, PRODUCT_A);
    const first = await saveListing(handle.db, actor, target, bodyA(139_000, 30));
    expect(first).toMatchObject({ ok: true, saved: { revision: 1, stock: { 'NMPQ-500': 30 } } });
    expect(await savedListing(handle.db, PRODUCT_A)).toMatchObject({ revision: 1 });
    const second = await saveListing(handle.db, actor, target, bodyA(149_000, 30));
    expect(second).toMatchObject({ ok: true, saved: { revision: 2 } });
    expect(await audits(PRODUCT_A)).toBe(2);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'listing.update'))
      .orderBy(sql`${auditLog.id} DESC`)
      .limit(1);
    expect(entry).toMatchObject({ actorLabel: 'lan@example.vn', facilityId: 'nuoc-mam-hung-thanh' });
    expect((entry!.before as { revision: number }).revision).toBe(1);

    expect(await undoLastChange(handle.db, actor, target)).toMatchObject({
      ok: true,
      saved: { revision: 1 },
    });
    expect((await savedListing(handle.db, PRODUCT_A))?.listing?.variants[0]?.price).toBe(139_000);
    expect(await undoLastChange(handle.db, actor, target)).toMatchObject({
      ok: true,
      saved: { revision: 0 },
    });
    // Back to the files' listing.
    expect((await savedListing(handle.db, PRODUCT_A))?.listing?.variants[0]?.price).toBe(125_000);
    expect(await undoLastChange(handle.db, actor, target)).toEqual({ ok: false, reason: 'nothing_to_undo' });
    const history = await listingHistory(handle.db, PRODUCT_A);
    expect(history.map((h) => [h.revision, h.undone, h.current])).toEqual([
      [2, true, false],
      [1, true, false],
      [0, false, true],
    ]);
    expect(await audits(PRODUCT_A)).toBe(4);
    // A new save after undos takes the next free revision.
    expect(await saveListing(handle.db, actor, target, bodyA(150_000))).toMatchObject({
      ok: true,
      saved: { revision: 3 },
    });
  });

  it.skipIf(skipReason)(
    'refuses a stale revision and a SKU another product holds, saving nothing',
    async () => {
      const target = targetOf(catalogue, PRODUCT_B);
      const before = await audits(PRODUCT_B);
      const taken = bodyA();
      const outcome = await saveListing(handle.db, actor, target, taken);
      expect(outcome).toEqual({ ok: false, reason: 'problems', problems: { 'variants.0.sku': 'sku_taken' } });
      expect(await savedListing(handle.db, PRODUCT_B)).toBeUndefined();
      expect(await audits(PRODUCT_B)).toBe(before);

      const own = bodyA();
      own.variants[0]!.sku = 'BGML-1';
      const saved = await saveListing(handle.db, actor, target, own);
      expect(saved).toMatchObject({ ok: true, saved: { revision: 1 } });
      expect(await saveListing(handle.db, actor, target, own, { expectedRevision: 0 })).toEqual({
        ok: false,
        reason: 'conflict',
        currentRevision: 1,
      });
      // A SKU saved by B cannot be taken by A, even when A's catalogue view does not know it yet.
      const stealing = bodyA();
      stealing.variants.push({ ...stealing.variants[0]!, sku: 'BGML-1' });
      const blind = { ...targetOf(catalogue, PRODUCT_A), skuOwner: () => undefined };
      expect(await saveListing(handle.db, actor, blind, stealing)).toEqual({
        ok: false,
        reason: 'problems',
        problems: { 'variants.1.sku': 'sku_taken' },
      });
    },
  );

  it.skipIf(skipReason)('applies stock as a difference from what the editor showed', async () => {
    const target = targetOf(catalogue, PRODUCT_A);
    await saveListing(handle.db, actor, target, bodyA(139_000, 10));
    // Three ordered while the facility edits: 10 shown, 15 saved → 12 left.
    await handle.db.transaction(async (tx) => expect(await takeStock(tx, 'NMPQ-500', 3)).toBe(true));
    await saveListing(handle.db, actor, target, bodyA(139_000, 15), { stockSeen: { 'NMPQ-500': 10 } });
    expect((await remainingStock(handle.db, ['NMPQ-500'])).get('NMPQ-500')).toBe(12);
    // Without what was shown (the API), the figure is the count; never below 0.
    await saveListing(handle.db, actor, target, bodyA(139_000, 4));
    expect((await remainingStock(handle.db, ['NMPQ-500'])).get('NMPQ-500')).toBe(4);
    await saveListing(handle.db, actor, target, bodyA(139_000, 0), { stockSeen: { 'NMPQ-500': 9 } });
    expect((await remainingStock(handle.db, ['NMPQ-500'])).get('NMPQ-500')).toBe(0);
  });

  it.skipIf(skipReason)('hands out change numbers in commit order', async () => {
    const a = await handle.db.transaction((tx) => takeChangeSeq(tx));
    const b = await handle.db.transaction((tx) => takeChangeSeq(tx));
    expect(b).toBeGreaterThan(a);
  });
});

describe('listing store on two PostgreSQL connections', () => {
  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)(
    'makes a later transaction wait for the change number until the earlier commits',
    async () => {
      const handle = await openPostgresSchema(url!);
      try {
        let releaseFirst!: () => void;
        const held = new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
        let firstSeq = 0;
        let firstTook!: () => void;
        const took = new Promise<void>((resolve) => {
          firstTook = resolve;
        });
        const first = handle.db.transaction(async (tx) => {
          firstSeq = await takeChangeSeq(tx);
          firstTook();
          await held;
        });
        await took;
        let secondSeq = 0;
        const second = handle.db.transaction(async (tx) => {
          secondSeq = await takeChangeSeq(tx);
        });
        await new Promise((r) => setTimeout(r, 200));
        // The second is still waiting on the first's lock: no number yet.
        expect(secondSeq).toBe(0);
        releaseFirst();
        await Promise.all([first, second]);
        expect(secondSeq).toBeGreaterThan(firstSeq);
      } finally {
        await handle.close();
      }
    },
  );
});
