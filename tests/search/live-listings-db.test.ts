/**
 * End to end through the database, on PGlite and on PostgreSQL (TEST_DATABASE_URL): a facility
 * saves a listing (the store the portal and the facility API use); search on this server and on
 * another one (each with its own LiveListings polling the listings table once a second) shows
 * the new price within 5 s; undoing the save takes the old price back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '~/catalogue/catalogue';
import type { DatabaseHandle } from '~/db/client';
import { saveListing, undoLastChange } from '~/listings/listing-store';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import { createSearchEngine } from '~/search/engine';
import type { LiveSearch } from '~/search/live-search';
import { bodyA, fixtureCatalogue, PRODUCT_A, targetOf } from '../listings/listing-fixture';
import { testEngines } from '../notifications/test-databases';
import { query, within } from './live-fixture';

const actor = { kind: 'user' as const, id: 'u1', label: 'lan@example.vn', role: 'facility' };

describe.each(testEngines())('search follows listings saved in $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  const engines: LiveSearch[] = [];
  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(async () => {
    for (const engine of engines) engine.close();
    await handle?.close();
  });

  async function server(base: Catalogue) {
    const listings = new LiveListings(databaseListingSource(handle.db));
    const engine = (await createSearchEngine({ MEILISEARCH_INDEX: 'products' }, async () => base, {
      catalogue: () => listings.apply(base),
      followForMs: 0,
    })) as LiveSearch;
    engines.push(engine);
    await engine.settle();
    return { engine, listings };
  }

  const priceOf = async (engine: LiveSearch) =>
    (await engine.search(query({ filters: { hasListing: true } }))).hits.find((h) => h.id === PRODUCT_A)
      ?.price;

  it.skipIf(skipReason)(
    'shows a save here at once and on another server within 5 s; and the undo',
    async () => {
      const base = fixtureCatalogue();
      const here = await server(base);
      const there = await server(base);
      expect(await priceOf(here.engine)).toBe(125_000);

      const saved = await saveListing(handle.db, actor, targetOf(base, PRODUCT_A), bodyA(99_000));
      expect(saved.ok).toBe(true);
      here.listings.invalidate(); // what saveListingNow does on the server that saved
      expect(await priceOf(here.engine)).toBe(99_000);
      const ms = await within(5000, async () => (await priceOf(there.engine)) === 99_000);
      expect(ms).toBeLessThan(5000);

      await undoLastChange(handle.db, actor, targetOf(base, PRODUCT_A));
      await within(5000, async () => (await priceOf(there.engine)) === 125_000);
    },
  );
});
