import { describe, expect, it } from 'vitest';
import { buildOffers, headlineCertificate, offerLeadDays } from '~/sourcing/offers';
import { filterOffers, paginate, parseSourcingQuery, sourcingSearchParams } from '~/sourcing/sourcing-query';
import { AS_OF, fixtureCatalogue } from './fixtures';

const catalogue = fixtureCatalogue();
const offers = buildOffers(catalogue, AS_OF);
const skus = (list: { sku: string }[]) => list.map((o) => o.sku);
const query = (qs: string) => parseSourcingQuery(new URLSearchParams(qs)).query;

describe('offers', () => {
  it('lists every variant of a certified product and leaves out products whose certificates are all revoked', () => {
    expect(skus(offers).sort()).toEqual(['DAO-RUA-01', 'GOM-BINH-30', 'NM-CK-500', 'NM-CK-5L']);
  });

  it('shows the valid, highest certificate; an expired one when nothing is valid', () => {
    expect(headlineCertificate(catalogue, 'binh-gom-men-lam', AS_OF)).toMatchObject({
      id: 'qg-2023-binh-gom',
      level: 'national',
      status: 'valid',
    });
    expect(headlineCertificate(catalogue, 'dao-rua', AS_OF)).toMatchObject({
      id: 'tinh-2019-dao',
      status: 'expired',
    });
    expect(headlineCertificate(catalogue, 'dao-thu-hoi', AS_OF)).toBeUndefined();
  });

  it('carries the facility province, its slug and region', () => {
    const nm = offers.find((o) => o.sku === 'NM-CK-500')!;
    expect([nm.province, nm.provinceSlug, nm.region]).toEqual(['Đà Nẵng', 'da-nang', 'central']);
  });

  it('computes lead days: stock ships now, made to order after its lead time, not sold online is unknown', () => {
    expect(offers.map((o) => [o.sku, offerLeadDays(o)]).sort()).toEqual([
      ['DAO-RUA-01', undefined],
      ['GOM-BINH-30', 30],
      ['NM-CK-500', 0],
      ['NM-CK-5L', 2],
    ]);
  });
});

describe('sourcing filters', () => {
  it('filters by group, region, province and level', () => {
    expect(skus(filterOffers(offers, query('group=food')))).toEqual(['NM-CK-500', 'NM-CK-5L']);
    expect(skus(filterOffers(offers, query('region=north')))).toEqual(['DAO-RUA-01']);
    expect(skus(filterOffers(offers, query('province=ho-chi-minh')))).toEqual(['GOM-BINH-30']);
    expect(skus(filterOffers(offers, query('level=regional')))).toEqual(['NM-CK-500', 'NM-CK-5L']);
  });

  it('filters by MOQ up to a number, inclusive', () => {
    expect(skus(filterOffers(offers, query('maxMoq=20&sort=moq')))).toEqual(['NM-CK-5L', 'GOM-BINH-30']);
    expect(skus(filterOffers(offers, query('maxMoq=19')))).toEqual(['NM-CK-5L']);
  });

  it('filters by lead time and by having wholesale tiers', () => {
    expect(skus(filterOffers(offers, query('maxLeadDays=2&sort=name')))).toEqual(['NM-CK-500', 'NM-CK-5L']);
    expect(skus(filterOffers(offers, query('maxLeadDays=30')))).toHaveLength(3);
    expect(skus(filterOffers(offers, query('tiers=1&group=food')))).toEqual(['NM-CK-500']);
  });

  it('matches keywords without diacritics, and SKUs', () => {
    expect(skus(filterOffers(offers, query('q=nuoc mam cot')))).toEqual(['NM-CK-500', 'NM-CK-5L']);
    expect(skus(filterOffers(offers, query('q=Minh Long')))).toEqual(['GOM-BINH-30']);
    expect(skus(filterOffers(offers, query('q=nm-ck-5l')))).toEqual(['NM-CK-5L']);
  });

  it('sorts by level (default), MOQ and lowest price', () => {
    expect(skus(filterOffers(offers, {}))).toEqual(['GOM-BINH-30', 'NM-CK-500', 'NM-CK-5L', 'DAO-RUA-01']);
    expect(skus(filterOffers(offers, query('sort=price')))).toEqual([
      'NM-CK-500',
      'DAO-RUA-01',
      'GOM-BINH-30',
      'NM-CK-5L',
    ]);
  });

  it('reports invalid parameters and keeps the valid ones', () => {
    const parsed = parseSourcingQuery(
      new URLSearchParams('group=toys&province=atlantis&maxMoq=-3&level=national&page=2'),
    );
    expect(parsed.query).toEqual({ level: 'national', page: 2 });
    expect(Object.keys(parsed.invalid).sort()).toEqual(['group', 'maxMoq', 'province']);
  });

  it('round-trips a query through URL parameters, dropping page 1', () => {
    const q = query('group=food&maxMoq=50&tiers=1&page=1');
    expect(sourcingSearchParams(q).toString()).toBe('group=food&maxMoq=50&tiers=1');
    expect(sourcingSearchParams(q, { page: 3 }).toString()).toBe('group=food&maxMoq=50&tiers=1&page=3');
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  it('slices pages and clamps a page past the end to the last', () => {
    expect(paginate(items, 1)).toMatchObject({ page: 1, pageCount: 3, total: 45, items: items.slice(0, 20) });
    expect(paginate(items, 3).items).toEqual(items.slice(40));
    expect(paginate(items, 9).page).toBe(3);
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});
