import { describe, expect, it } from 'vitest';
import { browsePages, filterFacilities, pageCount, pageOf, SiteIndex } from '~/site/site-index';
import { AS_OF, fixtureCatalogue } from './fixture';

const index = new SiteIndex(fixtureCatalogue(), AS_OF);

describe('SiteIndex', () => {
  it('orders products: valid first, then higher level, then newer round', () => {
    // binh-gom: national valid; am-chen: regional valid; may: district expired (2019); nuoc-mam: revoked.
    expect(index.ordered).toEqual(['binh-gom', 'am-chen', 'may-tuot-lua', 'nuoc-mam']);
  });

  it('picks a valid, highest-level certificate as the headline and lists statuses', () => {
    const card = index.card('binh-gom');
    expect(card.headline?.certificate.id).toBe('qg-2023-binh-gom');
    expect(index.certificatesOf('binh-gom').map((c) => [c.certificate.id, c.status])).toEqual([
      ['qg-2023-binh-gom', 'valid'],
      ['tinh-2019-binh-gom', 'superseded'],
    ]);
    expect(index.card('nuoc-mam').headline?.status).toBe('revoked');
  });

  it('prices from the cheapest variant sold online; nothing when none is', () => {
    expect(index.card('binh-gom').priceFrom).toBe(450000);
    expect(index.card('may-tuot-lua').priceFrom).toBeUndefined();
    expect(index.card('nuoc-mam').priceFrom).toBeUndefined();
  });

  it('files products under today’s province and its region', () => {
    const card = index.card('nuoc-mam');
    expect(card.province.name).toBe('An Giang');
    expect(index.productIdsFor({ dimension: 'region', value: 'south' })).toEqual(['nuoc-mam']);
    expect(index.productIdsFor({ dimension: 'province', value: 'ha-noi' })).toEqual(['binh-gom', 'am-chen']);
  });

  it('lists a product under every level it holds a certificate of', () => {
    expect(index.productIdsFor({ dimension: 'level', value: 'province' })).toEqual(['binh-gom', 'nuoc-mam']);
    expect(index.browseValues('level').map((v) => v.value)).toEqual([
      'national',
      'regional',
      'province',
      'district',
    ]);
  });

  it('only offers browse values that have products, with counts', () => {
    expect(index.browseValues('group')).toEqual([
      { value: 'handicraft', count: 2 },
      { value: 'food', count: 1 },
      { value: 'machinery', count: 1 },
    ]);
    expect(index.browseValues('province').map((v) => v.value)).toEqual(['ha-noi', 'hue', 'an-giang']);
  });

  it('features valid certificates of the level only', () => {
    expect(index.featured('national', 8).map((c) => c.product.id)).toEqual(['binh-gom']);
    expect(index.featured('regional', 8).map((c) => c.product.id)).toEqual(['am-chen']);
  });

  it('summarises facilities with their groups and levels', () => {
    const s = index.facilities.get('gom-bat-trang')!;
    expect(s.productIds).toEqual(['binh-gom', 'am-chen']);
    expect(s.topLevel).toBe('national');
    expect(index.facilityOrder[0]).toBe('gom-bat-trang');
  });

  it('rejects a facility in an unknown province with its id', () => {
    const catalogue = fixtureCatalogue();
    catalogue.data.facilities[0]!.province = 'Atlantis';
    expect(() => new SiteIndex(catalogue, AS_OF)).toThrow(/gom-bat-trang: unknown province "Atlantis"/);
  });
});

describe('filterFacilities', () => {
  it('combines province, group, level and type', () => {
    expect(filterFacilities(index, {}).length).toBe(3);
    expect(filterFacilities(index, { province: 'ha-noi' }).map((s) => s.facility.id)).toEqual([
      'gom-bat-trang',
    ]);
    expect(filterFacilities(index, { group: 'food' }).map((s) => s.facility.id)).toEqual([
      'nuoc-mam-phu-quoc',
    ]);
    expect(filterFacilities(index, { level: 'district', province: 'hue' }).map((s) => s.facility.id)).toEqual(
      ['co-khi-hue'],
    );
    expect(filterFacilities(index, { level: 'national', group: 'food' })).toEqual([]);
    expect(filterFacilities(index, { type: 'company' }).map((s) => s.facility.id)).toEqual(['gom-bat-trang']);
  });
});

describe('pagination', () => {
  it('slices 1-based pages and never reports zero pages', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(pageOf(items, 1).items).toHaveLength(24);
    expect(pageOf(items, 3)).toEqual({ items: [48, 49], page: 3, pages: 3, total: 50 });
    expect(pageOf([], 1).pages).toBe(1);
    expect(pageCount(48)).toBe(2);
  });

  it('enumerates every browse page once', () => {
    const pages = browsePages(index);
    // All products + 3 groups + 4 levels + 3 regions + 3 provinces, one page each.
    expect(pages).toHaveLength(14);
    expect(pages[0]).toEqual({ filter: null, page: 1, pages: 1 });
  });
});
