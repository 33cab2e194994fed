/**
 * The embedded engine updated in place (EmbeddedSearchEngine.update, fed by touchedProducts and
 * documentChanges as LiveSearch feeds it) answers exactly as an engine built afresh from the
 * new catalogue: hits in order, totals and facet counts, for text, empty queries, every sort
 * and the filters a listing change moves (price bounds, availability, "sold online"), after
 * price, availability, description, revocation, removal and date changes in a row. That covers
 * MiniSearch's postings, the vocabulary (a word a description brings is known, one it takes
 * away is not), the facet table and the presorted empty-query list.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import type { ListingBody } from '~/listings';
import { withListings } from '~/listings/live-listings';
import { documentChanges, touchedProducts } from '~/search/catalogue-changes';
import { buildSearchDocuments } from '~/search/documents';
import { EmbeddedSearchEngine } from '~/search/embedded';
import { type SearchFilters, SORTS } from '~/search/types';
import { FIXTURE_DATE, fixtureCatalogue } from './fixture';
import { listingBody, query } from './live-fixture';

const QUERIES = [
  '',
  'nuoc mam',
  'non la',
  'sapphire',
  'sapphir',
  // One edit from "giang" (Bắc Giang, Suối Giàng): a typo of it until a description brings the word.
  'giant',
  'giant che',
  'trà',
  'gom bat trang',
  'lua to tam',
  'QG-2023',
  'mi',
  'nuoc m',
  'che thai ngyen',
];
const FILTERS: SearchFilters[] = [
  {},
  { availability: ['in_stock'] },
  { availability: ['not_sold_online', 'made_to_order'] },
  { hasListing: true },
  { hasListing: false },
  { priceMin: 1, priceMax: 100_000 },
  { priceMin: 100_000 },
  { level: ['national'] },
];

/** Every query × sort × filter, the first page of 8. */
async function answers(engine: EmbeddedSearchEngine) {
  const out: unknown[] = [];
  for (const q of QUERIES)
    for (const sort of SORTS)
      for (const filters of FILTERS) out.push(await engine.search(query({ q, sort, filters, limit: 8 })));
  return out;
}

function saved(changes: Record<string, ListingBody | null>): Catalogue {
  return withListings(
    fixtureCatalogue,
    new Map(
      Object.entries(changes).map(([productId, listing]) => [productId, { productId, listing, revision: 1 }]),
    ),
  );
}

describe('EmbeddedSearchEngine.update', () => {
  it('answers as a fresh build after each change', async () => {
    const withCertificates = (base: Catalogue, edit: (data: Catalogue['data']) => Catalogue['data']) =>
      new Catalogue(edit(base.data), base.origin);
    const price = saved({ 'non-la-chuong': listingBody('NLC', [5_000]) });
    const listings = saved({
      'non-la-chuong': listingBody('NLC', [5_000]),
      'mi-chu-bac-giang': null,
      'nuoc-mam-nhi-phan-thiet': listingBody('NMNPT', [70_000, 130_000], {
        description: 'Đóng chai thủy tinh Sapphire',
      }),
      'che-tan-cuong-thai-nguyen': listingBody('CTC', [180_000], { description: 'Giant gift box' }),
      'ca-tra-phi-le': listingBody('CTPL', [150_000], { availability: 'made_to_order' }),
    });
    const wordGone = saved({
      'non-la-chuong': listingBody('NLC', [5_000]),
      'mi-chu-bac-giang': null,
      'nuoc-mam-nhi-phan-thiet': listingBody('NMNPT', [70_000, 130_000], {
        description: 'Đóng chai thủy tinh Sapphire',
      }),
      'che-tan-cuong-thai-nguyen': listingBody('CTC', [180_000]),
      'ca-tra-phi-le': listingBody('CTPL', [150_000], { availability: 'made_to_order' }),
    });
    // The regional certificate of the silk scarf revoked: its level falls back to the national one.
    const revoked = withCertificates(wordGone, (data) => ({
      ...data,
      certificates: data.certificates.map((c) =>
        c.number === 'KV1-2024-052' ? { ...c, revocation: { date: '2025-05-01', reason: 'Vi phạm' } } : c,
      ),
    }));
    const productGone = withCertificates(revoked, (data) => ({
      ...data,
      products: data.products.filter((p) => p.id !== 'dao-keo-da-sy'),
    }));
    const steps: [Catalogue, string][] = [
      [price, FIXTURE_DATE],
      [listings, FIXTURE_DATE],
      [wordGone, FIXTURE_DATE],
      [revoked, FIXTURE_DATE],
      [productGone, FIXTURE_DATE],
      [productGone, '2023-06-01'],
      [fixtureCatalogue, FIXTURE_DATE],
    ];

    const engine = new EmbeddedSearchEngine(buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE));
    const held = new Map(buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE).map((d) => [d.id, d]));
    // As the server readies it: the vocabulary counted a few documents at a time.
    let pauses = 0;
    await engine.prepareUpdates(async () => void pauses++, 5);
    expect(pauses).toBe(5);
    let before: [Catalogue, string] = [fixtureCatalogue, FIXTURE_DATE];
    const sizes: number[] = [];
    for (const [catalogue, asOf] of steps) {
      const ids = await touchedProducts(before[0], before[1], catalogue, asOf);
      const changes = await documentChanges(held, catalogue, asOf, ids, { chunk: 3 });
      engine.update(changes.upserts, changes.removed);
      for (const d of changes.upserts) held.set(d.id, d);
      for (const id of changes.removed) held.delete(id);
      sizes.push(changes.upserts.length + changes.removed.length);
      const fresh = new EmbeddedSearchEngine(buildSearchDocuments(catalogue, asOf));
      expect(await answers(engine)).toEqual(await answers(fresh));
      before = [catalogue, asOf];
    }
    // Only what changed was re-indexed: 1 price; 4 more listings; 1 description; 1 level;
    // 1 product gone; the 2023 statuses; and back.
    expect(sizes.slice(0, 5)).toEqual([1, 4, 1, 1, 1]);
  });

  it('shows the changes a listing makes in results, facets, price order and bounds', async () => {
    const engine = new EmbeddedSearchEngine(buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE));
    const cheapest = async () => (await engine.search(query({ sort: 'price-asc', limit: 1 }))).hits[0];
    expect((await cheapest())?.id).toBe('my-quang-phu-chiem');
    const before = await engine.search(query());
    const after = saved({
      'non-la-chuong': listingBody('NLC', [5_000], { availability: 'made_to_order' }),
      'may-xay-xat-gao-mini': listingBody('MXXG', [4_500_000]),
      'mi-chu-bac-giang': null,
    });
    engine.update(
      ['non-la-chuong', 'may-xay-xat-gao-mini', 'mi-chu-bac-giang'].map(
        (id) => buildSearchDocuments(after, FIXTURE_DATE).find((d) => d.id === id)!,
      ),
    );
    expect(await cheapest()).toMatchObject({
      id: 'non-la-chuong',
      price: 5_000,
      availability: 'made_to_order',
    });
    const dearest = (await engine.search(query({ sort: 'price-desc', limit: 1 }))).hits[0];
    expect(dearest).toMatchObject({ id: 'may-xay-xat-gao-mini', price: 4_500_000 });
    const cheap = await engine.search(query({ filters: { priceMax: 10_000 } }));
    expect(cheap.hits.map((h) => h.id)).toEqual(['non-la-chuong']);
    const online = await engine.search(query({ filters: { hasListing: true } }));
    expect(online.hits.map((h) => h.id)).toContain('may-xay-xat-gao-mini');
    expect(online.hits.map((h) => h.id)).not.toContain('mi-chu-bac-giang');
    const now = await engine.search(query());
    const facet = (r: typeof now, value: string) => r.facets.availability[value] ?? 0;
    expect(facet(now, 'in_stock')).toBe(facet(before, 'in_stock') - 2 + 1);
    expect(facet(now, 'made_to_order')).toBe(facet(before, 'made_to_order') + 1);
    expect(facet(now, 'not_sold_online')).toBe(facet(before, 'not_sold_online') - 1 + 1);
    expect(now.total).toBe(before.total);
  });
});
