/**
 * The saved listings laid over the built catalogue: a save shows in the catalogue's prices and
 * SKUs after invalidate() at once and on another server within the check interval; nothing is
 * re-read while nothing changed; a database that fails keeps the last state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '~/db/client';
import { saveListing, undoLastChange } from '~/listings/listing-store';
import { type ListingSource, LiveListings, withListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import { testEngines } from '../notifications/test-databases';
import { bodyA, fixtureCatalogue, PRODUCT_A, PRODUCT_B, targetOf } from './listing-fixture';

const actor = { kind: 'user' as const, id: 'u1', label: 'lan@example.vn', role: 'facility' };

describe('withListings', () => {
  const base = fixtureCatalogue();
  it('replaces, adds and removes listings, keeping the files as origin', () => {
    const b = bodyA(90_000);
    b.variants[0]!.sku = 'BGML-1';
    const over = withListings(
      base,
      new Map([
        [PRODUCT_A, { productId: PRODUCT_A, listing: null, revision: 3 }],
        [PRODUCT_B, { productId: PRODUCT_B, listing: b, revision: 1 }],
        ['no-such-product', { productId: 'no-such-product', listing: bodyA(), revision: 1 }],
      ]),
    );
    expect(over.listingByProduct.has(PRODUCT_A)).toBe(false);
    expect(over.variantBySku.has('NMPQ-500')).toBe(false);
    expect(over.variantBySku.get('BGML-1')?.variant.price).toBe(90_000);
    expect(over.listingByProduct.has('no-such-product')).toBe(false);
    expect(over.origin).toBe(base);
    expect(base.variantBySku.get('NMPQ-500')?.variant.price).toBe(125_000);
  });
});

describe('LiveListings', () => {
  it('asks at most once per interval, reloads only on a new change, and keeps the last state on failure', async () => {
    let latest = 0;
    let loads = 0;
    let fail = false;
    const source: ListingSource = {
      latestSeq: async () => {
        if (fail) throw new Error('connection refused');
        return latest;
      },
      changedSince: async () => {
        loads++;
        return {
          listings: [{ productId: PRODUCT_A, listing: bodyA(99_000), revision: latest }],
          photos: new Map(),
          seq: latest,
        };
      },
    };
    let now = 0;
    const warnings: string[] = [];
    const live = new LiveListings(
      source,
      1000,
      () => now,
      (m) => warnings.push(m),
    );
    const base = fixtureCatalogue();
    expect(await live.apply(base)).toBe(base);
    latest = 5;
    now = 500;
    expect(await live.apply(base)).toBe(base); // not asked again within the second
    now = 1001;
    const first = await live.apply(base);
    expect(first.variantBySku.get('NMPQ-500')?.variant.price).toBe(99_000);
    now = 2500;
    expect(await live.apply(base)).toBe(first); // same change number: same view
    expect(loads).toBe(1);
    fail = true;
    now = 4000;
    expect(await live.apply(base)).toBe(first);
    expect(await live.apply(base)).toBe(first);
    expect(warnings).toHaveLength(1);
  });
});

describe.each(testEngines())('LiveListings over $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'shows a save on this server at once and on another within the interval',
    async () => {
      const base = fixtureCatalogue();
      let now = 0;
      const here = new LiveListings(databaseListingSource(handle.db), 1000, () => now);
      const there = new LiveListings(databaseListingSource(handle.db), 1000, () => now);
      await here.apply(base);
      await there.apply(base);
      await saveListing(handle.db, actor, targetOf(base, PRODUCT_A), bodyA(177_000));
      here.invalidate();
      expect((await here.apply(base)).variantBySku.get('NMPQ-500')?.variant.price).toBe(177_000);
      expect((await there.apply(base)).variantBySku.get('NMPQ-500')?.variant.price).toBe(125_000);
      now = 1000;
      expect((await there.apply(base)).variantBySku.get('NMPQ-500')?.variant.price).toBe(177_000);
      await undoLastChange(handle.db, actor, targetOf(base, PRODUCT_A));
      now = 2000;
      expect((await there.apply(base)).variantBySku.get('NMPQ-500')?.variant.price).toBe(125_000);
    },
  );
});
