/**
 * Which products a new view of the catalogue touches (only those are rebuilt), and their
 * documents: the same object touches nothing; a listing overlay rebuilt with the same values
 * touches only what changed; a revocation its product; a facility its products; a new date
 * every product. Documents are whole, as buildSearchDocuments makes them, and only those that
 * differ from what the backend holds.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { withListings } from '~/listings/live-listings';
import { documentChanges, touchedProducts } from '~/search/catalogue-changes';
import { buildSearchDocuments } from '~/search/documents';
import { FIXTURE_DATE, fixtureCatalogue } from './fixture';
import { listingBody } from './live-fixture';

const overlay = (entries: [string, ReturnType<typeof listingBody> | null][]) =>
  withListings(
    fixtureCatalogue,
    new Map(entries.map(([productId, listing]) => [productId, { productId, listing, revision: 1 }])),
  );

describe('touchedProducts', () => {
  it('finds nothing in the same catalogue on the same day', async () => {
    expect((await touchedProducts(fixtureCatalogue, FIXTURE_DATE, fixtureCatalogue, FIXTURE_DATE)).size).toBe(
      0,
    );
  });

  it('finds the listings that changed by value, not the ones an overlay merely rebuilt', async () => {
    const one = overlay([
      ['non-la-chuong', listingBody('NLC', [5_000])],
      ['mi-chu-bac-giang', null],
    ]);
    // The next change: the same two saved again (new objects, same values) and one more.
    const two = overlay([
      ['non-la-chuong', listingBody('NLC', [5_000])],
      ['mi-chu-bac-giang', null],
      ['may-xay-xat-gao-mini', listingBody('MXXG', [4_500_000])],
    ]);
    expect([...(await touchedProducts(fixtureCatalogue, FIXTURE_DATE, one, FIXTURE_DATE))].sort()).toEqual([
      'mi-chu-bac-giang',
      'non-la-chuong',
    ]);
    expect([...(await touchedProducts(one, FIXTURE_DATE, two, FIXTURE_DATE))]).toEqual([
      'may-xay-xat-gao-mini',
    ]);
  });

  it('finds a revoked certificate’s product and a changed facility’s products', async () => {
    const data = fixtureCatalogue.data;
    const revoked = new Catalogue({
      ...data,
      certificates: data.certificates.map((c) =>
        c.number === 'KV1-2024-052' ? { ...c, revocation: { date: '2025-05-01', reason: 'Vi phạm' } } : c,
      ),
    });
    expect([...(await touchedProducts(fixtureCatalogue, FIXTURE_DATE, revoked, FIXTURE_DATE))]).toEqual([
      'khan-lua-to-tam-van-phuc',
    ]);
    const moved = new Catalogue({
      ...data,
      facilities: data.facilities.map((f) =>
        f.id === 'htx-lua-van-phuc' ? { ...f, address: 'Hà Đông' } : f,
      ),
    });
    expect([...(await touchedProducts(fixtureCatalogue, FIXTURE_DATE, moved, FIXTURE_DATE))].sort()).toEqual([
      'ao-dai-lua-van-phuc',
      'khan-lua-to-tam-van-phuc',
    ]);
  });

  it('finds every product on a new day', async () => {
    expect((await touchedProducts(fixtureCatalogue, FIXTURE_DATE, fixtureCatalogue, '2026-06-02')).size).toBe(
      fixtureCatalogue.data.products.length,
    );
  });
});

describe('documentChanges', () => {
  it('builds whole documents for the touched products that changed, pausing between chunks', async () => {
    const held = new Map(buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE).map((d) => [d.id, d]));
    const after = overlay([
      ['non-la-chuong', listingBody('NLC', [5_000])],
      ['mi-chu-bac-giang', null],
    ]);
    const data = after.data;
    const gone = new Catalogue({ ...data, products: data.products.filter((p) => p.id !== 'dao-keo-da-sy') });
    let pauses = 0;
    const changes = await documentChanges(
      held,
      gone,
      FIXTURE_DATE,
      ['non-la-chuong', 'mi-chu-bac-giang', 'dao-keo-da-sy', 'gio-may-tre-dan'],
      { chunk: 2, pause: async () => void pauses++ },
    );
    const fresh = buildSearchDocuments(gone, FIXTURE_DATE);
    expect(changes.upserts).toEqual(
      ['non-la-chuong', 'mi-chu-bac-giang'].map((id) => fresh.find((d) => d.id === id)),
    );
    expect(changes.removed).toEqual(['dao-keo-da-sy']);
    expect(pauses).toBe(1);
  });
});
