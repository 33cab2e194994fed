/**
 * Search follows what facilities save (LiveSearch over the embedded engine, driven by a real
 * LiveListings over an in-memory ListingSource): a save shows in prices, availability, "sold
 * online", price order and bounds within 5 s; the first search does not wait for the live
 * catalogue; searches during an update answer at once with the results they had; a burst of
 * saves makes at most two updates; a new day refreshes statuses; failures are logged once and
 * tried again, without losing a change; between searches the catalogue is still followed for
 * a while, then no more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '~/catalogue/catalogue';
import type { ListingBody } from '~/listings';
import { LiveListings } from '~/listings/live-listings';
import { buildSearchDocuments } from '~/search/documents';
import { EmbeddedSearchEngine } from '~/search/embedded';
import { createSearchEngine, type FollowOptions } from '~/search/engine';
import { LiveSearch, type LiveSearchOptions } from '~/search/live-search';
import type { SearchQuery } from '~/search/types';
import { FIXTURE_DATE, fixtureCatalogue } from './fixture';
import { deferred, listingBody, MemoryListingSource, query, within } from './live-fixture';

const EMBEDDED = { MEILISEARCH_INDEX: 'products' } as const;
const CHEAPEST = query({ sort: 'price-asc', limit: 1 });
const opened: LiveSearch[] = [];

afterEach(() => {
  for (const engine of opened.splice(0)) engine.close();
});

async function liveSearch(catalogue: () => Promise<Catalogue>, options: Partial<FollowOptions> = {}) {
  const engine = (await createSearchEngine(EMBEDDED, async () => fixtureCatalogue, {
    today: () => FIXTURE_DATE,
    followForMs: 0,
    ...options,
    catalogue,
  })) as LiveSearch;
  expect(engine).toBeInstanceOf(LiveSearch);
  opened.push(engine);
  return engine;
}

/** A LiveSearch whose backend update waits for `gate` (a long update), counting updates. */
function gatedSearch(catalogue: () => Promise<Catalogue>, options: Partial<LiveSearchOptions> = {}) {
  const documents = buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE);
  const backend = new EmbeddedSearchEngine(documents);
  const gate = { open: deferred() };
  const applied: string[][] = [];
  const engine = new LiveSearch({
    engine: backend,
    indexed: async () => ({ catalogue: fixtureCatalogue, asOf: FIXTURE_DATE, documents }),
    catalogue,
    today: () => FIXTURE_DATE,
    apply: async (changes) => {
      applied.push(changes.upserts.map((d) => d.id));
      await gate.open.promise;
      backend.update(changes.upserts, changes.removed);
    },
    followForMs: 0,
    ...options,
  });
  opened.push(engine);
  return { engine, gate, applied };
}

const first = async (engine: LiveSearch, q: SearchQuery = CHEAPEST) => (await engine.search(q)).hits[0];

describe('LiveSearch over the embedded engine', () => {
  it('shows a save in price, availability, "sold online", price order and bounds within 5 s', async () => {
    const source = new MemoryListingSource();
    const listings = new LiveListings(source); // the server's interval: once a second
    const engine = await liveSearch(() => listings.apply(fixtureCatalogue));
    const before = await engine.search(query());
    expect((await first(engine))?.id).toBe('my-quang-phu-chiem');

    source.save('non-la-chuong', listingBody('NLC', [5_000], { availability: 'made_to_order' }));
    source.save('may-xay-xat-gao-mini', listingBody('MXXG', [4_500_000]));
    source.save('mi-chu-bac-giang', null);
    const ms = await within(5000, async () => (await first(engine))?.id === 'non-la-chuong');
    expect(ms).toBeLessThan(5000);

    expect(await first(engine)).toMatchObject({ price: 5_000, availability: 'made_to_order' });
    expect(await first(engine, query({ sort: 'price-desc', limit: 1 }))).toMatchObject({
      id: 'may-xay-xat-gao-mini',
      price: 4_500_000,
    });
    const cheap = await engine.search(query({ filters: { priceMax: 10_000 } }));
    expect(cheap.hits.map((h) => h.id)).toEqual(['non-la-chuong']);
    const online = (await engine.search(query({ filters: { hasListing: true } }))).hits.map((h) => h.id);
    expect(online).toContain('may-xay-xat-gao-mini');
    expect(online).not.toContain('mi-chu-bac-giang');
    const after = await engine.search(query());
    expect(after.facets.availability).toEqual({
      ...before.facets.availability,
      in_stock: before.facets.availability.in_stock! - 2 + 1,
      made_to_order: before.facets.availability.made_to_order! + 1,
    });
    // Searched by text too: the same document everywhere.
    expect((await engine.search(query({ q: 'non la' }))).hits[0]).toMatchObject({ price: 5_000 });
  });

  it('answers the first searches from the build while the live catalogue is still coming', async () => {
    const live = deferred();
    let changed: Catalogue | undefined;
    const engine = await liveSearch(
      async () => {
        await live.promise;
        return changed!;
      },
      { waitMs: 1000 },
    );
    const started = performance.now();
    expect((await first(engine))?.id).toBe('my-quang-phu-chiem');
    expect((await first(engine))?.id).toBe('my-quang-phu-chiem');
    // Neither waited for the catalogue (that would be waitMs each).
    expect(performance.now() - started).toBeLessThan(500);
    const source = new MemoryListingSource();
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    changed = await new LiveListings(source).apply(fixtureCatalogue);
    live.resolve();
    await within(1000, async () => (await first(engine))?.id === 'non-la-chuong');
  });

  it('answers at once with the results it has during an update, and makes at most two updates for a burst', async () => {
    const source = new MemoryListingSource();
    const listings = new LiveListings(source, 0);
    const { engine, gate, applied } = gatedSearch(() => listings.apply(fixtureCatalogue), { waitMs: 300 });
    await engine.refresh();
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    // This search starts the update and waits for it at most waitMs: the old answer.
    expect((await first(engine))?.id).toBe('my-quang-phu-chiem');
    for (const price of [4_000, 3_000, 2_000]) {
      source.save('mi-chu-bac-giang', listingBody('MCBG', [price]));
      const started = performance.now();
      expect((await first(engine))?.id).toBe('my-quang-phu-chiem');
      // Not held up by the update under way (that would be waitMs).
      expect(performance.now() - started).toBeLessThan(150);
    }
    expect(applied).toEqual([['non-la-chuong']]);
    gate.open.resolve();
    await within(1000, async () => (await first(engine))?.id === 'mi-chu-bac-giang');
    expect(await first(engine)).toMatchObject({ price: 2_000 });
    expect(applied).toEqual([['non-la-chuong'], ['mi-chu-bac-giang']]);
  });

  it('refreshes statuses, and so levels, when the day changes', async () => {
    let today = FIXTURE_DATE;
    const engine = await liveSearch(async () => fixtureCatalogue, { today: () => today });
    const scarf = query({ q: 'khan lua to tam', limit: 1 });
    // The national certificate of 2021 has expired by the fixture's date; the regional one stands.
    expect((await first(engine, scarf))?.level).toBe('regional');
    today = '2024-06-01';
    await within(2000, async () => (await first(engine, scarf))?.level === 'national');
  });

  it('logs a failing catalogue once and keeps answering', async () => {
    const warnings: string[] = [];
    let fail = false;
    const engine = await liveSearch(
      async () => {
        if (fail) throw new Error('database unreachable');
        return fixtureCatalogue;
      },
      { warn: (message) => warnings.push(message) },
    );
    await engine.refresh();
    fail = true;
    for (let i = 0; i < 3; i++) expect((await first(engine))?.id).toBe('my-quang-phu-chiem');
    expect(warnings).toHaveLength(1);
  });

  it('sends a change that failed part-way again, even when the catalogue went back meanwhile', async () => {
    const source = new MemoryListingSource();
    const listings = new LiveListings(source, 0);
    const documents = buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE);
    const backend = new EmbeddedSearchEngine(documents);
    let calls = 0;
    let clock = 0;
    const warnings: string[] = [];
    const engine = new LiveSearch({
      engine: backend,
      indexed: async () => ({ catalogue: fixtureCatalogue, asOf: FIXTURE_DATE, documents }),
      catalogue: () => listings.apply(fixtureCatalogue),
      today: () => FIXTURE_DATE,
      // One document a batch; the second batch fails once.
      batchSize: 1,
      apply: (changes) => {
        if (++calls === 2) throw new Error('backend busy');
        backend.update(changes.upserts, changes.removed);
      },
      retryAfterMs: 5000,
      now: () => clock,
      followForMs: 0,
      warn: (message) => warnings.push(message),
    });
    opened.push(engine);
    await engine.refresh();
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    source.save('my-quang-phu-chiem', listingBody('MQPC', [6_000]));
    await engine.refresh();
    expect(warnings).toHaveLength(1);
    expect(calls).toBe(2);
    // Both saved back as the files have them before the retry: whichever product got through
    // must be put back too, though the catalogue now equals the one search started from.
    for (const id of ['non-la-chuong', 'my-quang-phu-chiem']) {
      const file = fixtureCatalogue.listingByProduct.get(id)!;
      source.save(id, { variants: file.variants.map((v) => ({ ...v })) } as ListingBody);
    }
    await engine.refresh();
    expect(calls).toBe(2); // not before the retry time
    clock = 5000;
    await engine.refresh();
    expect(engine.current).toBe(true);
    const fresh = new EmbeddedSearchEngine(documents);
    for (const sort of ['price-asc', 'price-desc', 'relevance'] as const)
      expect(await engine.search(query({ sort }))).toEqual(await fresh.search(query({ sort })));
  });

  it('follows the catalogue between searches for a while after the last one', async () => {
    const source = new MemoryListingSource();
    const listings = new LiveListings(source, 0);
    const updates: number[] = [];
    const engine = await liveSearch(() => listings.apply(fixtureCatalogue), {
      followForMs: 300,
      checkEveryMs: 20,
      onUpdate: (r) => updates.push(r.upserts),
    });
    await engine.search(query());
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    await within(1000, async () => updates.length === 1);
    // No search for longer than followForMs: it stops asking.
    await new Promise((resolve) => setTimeout(resolve, 500));
    source.save('non-la-chuong', listingBody('NLC', [6_000]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(updates).toEqual([1]);
    expect((await first(engine))?.price).toBe(6_000);
  });
});
