/**
 * The search contract, run against every backend on the fixed fixture
 * (embedded.test.ts always; meilisearch.test.ts when MEILISEARCH_URL is set).
 */
import { beforeAll, expect, it } from 'vitest';
import { nameSortKey } from '~/search/analysis';
import {
  FACET_FIELDS,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
} from '~/search/types';
import { foldForMatch } from '~/text/vietnamese';
import { FIXTURE_PRODUCT_COUNT, fixtureDocuments } from './fixture';

const query = (q: string, rest: Partial<SearchQuery> = {}): SearchQuery => ({
  q,
  filters: {},
  sort: 'relevance',
  page: 1,
  limit: 50,
  ...rest,
});

const names = (r: SearchResult) => r.hits.map((h) => h.name);
const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const folded = (s: string) => foldForMatch(s);

export function searchContract(makeEngine: () => Promise<SearchEngine>): void {
  let engine: SearchEngine;
  const search = (q: string, rest?: Partial<SearchQuery>) => engine.search(query(q, rest));

  beforeAll(async () => {
    engine = await makeEngine();
  });

  it('returns every product for an empty query, higher levels first', async () => {
    const r = await search('');
    expect(r.total).toBe(FIXTURE_PRODUCT_COUNT);
    expect(r.hits).toHaveLength(FIXTURE_PRODUCT_COUNT);
    const ranks = r.hits.map((h) => fixtureDocuments.find((d) => d.id === h.id)!.levelRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('returns hits with the contract fields', async () => {
    const [hit] = (await search('QG-2023-045')).hits;
    expect(hit).toEqual({
      id: 'nuoc-mam-phu-quoc-40-do-dam',
      name: 'Nước mắm Phú Quốc 40 độ đạm',
      url: '/products/nuoc-mam-phu-quoc-40-do-dam/',
      facility: 'Công ty TNHH Nước mắm Hưng Thành',
      province: 'An Giang',
      level: 'national',
      group: 'food',
      price: 120_000,
      availability: 'in_stock',
    });
  });

  it('"nuoc mam" without accents puts nước mắm products first', async () => {
    const r = await search('nuoc mam');
    const top = names(r).slice(0, 4);
    expect(top.every((n) => folded(n).includes('nuoc mam'))).toBe(true);
    expect(names(r)).toContain('Mắm tôm Cát Hải'); // its facility makes nước mắm: found, but after
    expect(names(r).indexOf('Mắm tôm Cát Hải')).toBeGreaterThan(3);
  });

  it('"nước mắm" with accents and "NUOC MAM" in capitals find the same products', async () => {
    const plain = await search('nuoc mam');
    expect(
      ids(await search('nước mắm'))
        .slice(0, 4)
        .sort(),
    ).toEqual(ids(plain).slice(0, 4).sort());
    expect(
      ids(await search('NUOC MAM'))
        .slice(0, 4)
        .sort(),
    ).toEqual(ids(plain).slice(0, 4).sort());
  });

  it('tolerates a typo ("nuoc mamm") and finds a word being typed ("nuoc m")', async () => {
    for (const q of ['nuoc mamm', 'nuoc m', 'nuoc ma']) {
      const top = names(await search(q)).slice(0, 4);
      expect(
        top.every((n) => folded(n).includes('nuoc mam')),
        q,
      ).toBe(true);
    }
  });

  it('finds syllables run together ("nuocmam", "battrang")', async () => {
    expect(folded(names(await search('nuocmam'))[0]!)).toContain('nuoc mam');
    expect(
      names(await search('battrang'))
        .slice(0, 2)
        .every((n) => n.includes('Bát Tràng')),
    ).toBe(true);
  });

  it('"bat trang" finds the Bát Tràng ceramics', async () => {
    const r = await search('bat trang');
    expect(names(r).slice(0, 2).sort()).toEqual(['Bình gốm men lam Bát Tràng', 'Bộ ấm chén gốm Bát Tràng']);
  });

  it('"lua to tam" finds silk', async () => {
    const top = names(await search('lua to tam'))
      .slice(0, 2)
      .sort();
    expect(top).toEqual(['Khăn lụa tơ tằm Vạn Phúc', 'Lụa tơ tằm Bảo Lộc']);
  });

  it('a certificate number finds its product, however it is typed', async () => {
    for (const q of ['QG-2023-045', 'qg 2023 045', 'QG2023045']) {
      expect((await search(q)).hits[0]?.id, q).toBe('nuoc-mam-phu-quoc-40-do-dam');
    }
    expect((await search('KV1-2024-052')).hits[0]?.id).toBe('khan-lua-to-tam-van-phuc');
  });

  it('synonyms: trà finds chè and chè finds trà; English words find Vietnamese products', async () => {
    const tra = ids(await search('trà'));
    expect(tra).toEqual(
      expect.arrayContaining(['che-tan-cuong-thai-nguyen', 'che-moc-cau-dac-biet', 'tra-sen-tay-ho']),
    );
    expect(ids(await search('chè'))).toEqual(
      expect.arrayContaining(['tra-shan-tuyet-suoi-giang', 'tra-sen-tay-ho']),
    );
    expect(ids(await search('tea'))).not.toContain('tinh-dau-que-tra-bong'); // Trà Bồng is a place
    expect(ids(await search('tea'))).not.toContain('ca-tra-phi-le');
    const fishSauce = names(await search('fish sauce'));
    expect(fishSauce.length).toBeGreaterThanOrEqual(3);
    expect(fishSauce.every((n) => folded(n).includes('nuoc mam'))).toBe(true);
  });

  it('synonyms: mì finds mỳ, and mỳ does not find mỹ nghệ', async () => {
    expect(ids(await search('mì'))).toEqual(
      expect.arrayContaining(['mi-chu-bac-giang', 'my-quang-phu-chiem']),
    );
    expect(ids(await search('mỳ quảng'))[0]).toBe('my-quang-phu-chiem');
    expect(ids(await search('mì'))).not.toContain('tuong-go-my-nghe-dong-giao');
  });

  it('words of a group find the whole group, and no group name leaks into words ("chè" ≠ "chế biến")', async () => {
    const handicrafts = fixtureDocuments
      .filter((d) => d.group === 'handicraft')
      .map((d) => d.id)
      .sort();
    expect(ids(await search('handicraft')).sort()).toEqual(handicrafts);
    expect(ids(await search('thucong')).sort()).toEqual(handicrafts);
    const che = await search('chè');
    expect(che.total).toBeLessThan(fixtureDocuments.filter((d) => d.group === 'food').length);
  });

  it('finds words that only a description has', async () => {
    expect(ids(await search('chung cat'))).toEqual(['tinh-dau-que-tra-bong']);
  });

  it('finds nothing for nonsense, with empty facets', async () => {
    const r = await search('qwxzk');
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
    for (const field of FACET_FIELDS) expect(r.facets[field]).toEqual({});
  });

  it('filters by group, level, region, province, availability, price and listing', async () => {
    const cases: [SearchFilters, (id: string) => boolean][] = [
      [{ group: ['handicraft'] }, (id) => doc(id).group === 'handicraft'],
      [{ group: ['machinery', 'other'] }, (id) => ['machinery', 'other'].includes(doc(id).group)],
      [{ level: ['national'] }, (id) => doc(id).level === 'national'],
      [{ region: ['central'] }, (id) => doc(id).region === 'central'],
      [{ province: ['Hà Nội'] }, (id) => doc(id).province === 'Hà Nội'],
      [{ availability: ['made_to_order'] }, (id) => doc(id).availability === 'made_to_order'],
      [
        { priceMin: 100_000, priceMax: 400_000 },
        (id) => doc(id).price! >= 100_000 && doc(id).price! <= 400_000,
      ],
      [{ hasListing: false }, (id) => !doc(id).hasListing],
    ];
    for (const [filters, expected] of cases) {
      const r = await search('', { filters });
      const want = fixtureDocuments
        .filter((d) => expected(d.id))
        .map((d) => d.id)
        .sort();
      expect(want.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(ids(r).sort(), JSON.stringify(filters)).toEqual(want);
      expect(r.total).toBe(want.length);
    }
  });

  it('reports the level of the highest current certificate', async () => {
    // National 2021 has expired; the regional 2024 certificate is the current one.
    const r = await search('', { filters: { level: ['regional'] } });
    expect(ids(r)).toContain('khan-lua-to-tam-van-phuc');
  });

  it('facet counts equal the totals of the filtered searches', async () => {
    for (const q of ['', 'nuoc mam', 'gom']) {
      const r = await search(q);
      for (const field of ['group', 'level', 'region', 'province'] as const) {
        const counts = Object.entries(r.facets[field]);
        expect(counts.length, `${q} ${field}`).toBeGreaterThan(0);
        const sum = counts.reduce((s, [, n]) => s + n, 0);
        if (field !== 'region') expect(sum, `${q} ${field} covers every hit`).toBe(r.total);
        for (const [value, count] of counts) {
          const filtered = await search(q, { filters: { [field]: [value] } });
          expect(filtered.total, `${q} ${field}=${value}`).toBe(count);
        }
      }
    }
  });

  it('facet counts of a filtered field ignore its own filter', async () => {
    const all = await search('');
    const food = await search('', { filters: { group: ['food'] } });
    expect(food.facets.group).toEqual(all.facets.group);
    expect(food.total).toBe(all.facets.group.food);
    expect(Object.values(food.facets.level).reduce((s, n) => s + n, 0)).toBe(food.total);
  });

  it('sorts by price both ways, products without a price last', async () => {
    const up = await search('', { sort: 'price-asc' });
    const priced = up.hits.filter((h) => h.price !== undefined);
    const prices = priced.map((h) => h.price!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(up.hits.slice(priced.length).every((h) => h.price === undefined)).toBe(true);
    const down = (await search('', { sort: 'price-desc' })).hits
      .filter((h) => h.price !== undefined)
      .map((h) => h.price!);
    expect(down).toEqual([...prices].sort((a, b) => b - a));
  });

  it('sorts by newest certificate and by name in Vietnamese order', async () => {
    const years = (await search('', { sort: 'newest' })).hits.map((h) => doc(h.id).newestYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const byName = (await search('', { sort: 'name' })).hits.map((h) => nameSortKey(h.name));
    expect(byName).toEqual([...byName].sort());
    expect(names(await search('', { sort: 'name' })).slice(0, 3)).toEqual([
      'Áo dài lụa Vạn Phúc',
      'Bình gốm men lam Bát Tràng',
      'Bộ ấm chén gốm Bát Tràng',
    ]);
  });

  it('sorts matches of a query by price', async () => {
    const prices = (await search('nuoc mam', { sort: 'price-asc' })).hits
      .filter((h) => h.price !== undefined)
      .map((h) => h.price!);
    expect(prices.length).toBeGreaterThan(2);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('paginates without overlap', async () => {
    const all = await search('', { limit: 50 });
    const first = await search('', { limit: 10, page: 1 });
    const second = await search('', { limit: 10, page: 2 });
    const last = await search('', { limit: 10, page: 3 });
    expect(first.hits).toHaveLength(10);
    expect([...ids(first), ...ids(second), ...ids(last)]).toEqual(ids(all));
    expect(second.total).toBe(all.total);
    expect(second).toMatchObject({ page: 2, limit: 10 });
    expect((await search('', { limit: 10, page: 9 })).hits).toEqual([]);
  });
}

function doc(id: string) {
  const d = fixtureDocuments.find((x) => x.id === id);
  if (!d) throw new Error(`no fixture document ${id}`);
  return d;
}
