import { describe, expect, it } from 'vitest';
import {
  delayBeforeRequest,
  nextActive,
  type SearchBoxText,
  searchRequest,
  statusText,
  suggestionsOf,
} from '~/search/client/suggestions';
import { emptyFacets, type SearchHit, type SearchResult } from '~/search/types';

const vi: SearchBoxText = {
  locale: 'vi',
  priceFrom: 'Từ {price}',
  notSoldOnline: 'Không bán trực tuyến, liên hệ cơ sở',
  inGroup: 'Nhóm {group}: {count} sản phẩm',
  seeAll: 'Xem tất cả {count} kết quả',
  statusCount: '{count} kết quả, {shown} gợi ý.',
  statusNone: 'Không có kết quả.',
  levels: {
    commune: 'Cấp xã',
    district: 'Cấp huyện',
    province: 'Cấp tỉnh',
    regional: 'Cấp khu vực',
    national: 'Cấp quốc gia',
  },
  groups: {
    handicraft: 'Thủ công mỹ nghệ',
    food: 'Chế biến nông lâm thủy sản',
    machinery: 'Cơ khí',
    other: 'Khác',
  },
};
const en: SearchBoxText = {
  ...vi,
  locale: 'en',
  priceFrom: 'From {price}',
  seeAll: 'See all {count} results',
  inGroup: '{group} group: {count} products',
};

function hit(n: number, price?: number): SearchHit {
  return {
    id: `p${n}`,
    name: `Nước mắm ${n}`,
    url: `/products/nuoc-mam-${n}/`,
    facility: `Cơ sở ${n}`,
    province: 'Khánh Hòa',
    level: 'national',
    group: 'food',
    ...(price !== undefined ? { price } : {}),
    availability: price !== undefined ? 'in_stock' : 'not_sold_online',
  };
}

function result(hits: SearchHit[], total: number, group: Record<string, number> = {}): SearchResult {
  return { hits, total, facets: { ...emptyFacets(), group }, page: 1, limit: 5 };
}

describe('searchRequest', () => {
  it('asks /api/search for the top five hits of the trimmed words', () => {
    expect(searchRequest('  nước mắm ')).toEqual({
      q: 'nước mắm',
      url: '/api/search?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&limit=5',
    });
  });

  it('does not look up fewer than two characters', () => {
    expect(searchRequest('a ')).toBeNull();
    expect(searchRequest('   ')).toBeNull();
  });
});

describe('suggestionsOf', () => {
  it('lists up to five products, the three largest groups, then "see all", in Vietnamese', () => {
    const hits = [hit(1, 125000), hit(2), hit(3), hit(4), hit(5), hit(6)];
    const s = suggestionsOf(
      result(hits, 1234, { other: 1, food: 900, handicraft: 300, machinery: 33 }),
      'nuoc mam',
      vi,
    );
    expect(s).toHaveLength(5 + 3 + 1);
    expect(s[0]).toEqual({
      href: '/products/nuoc-mam-1/',
      label: 'Nước mắm 1',
      detail: `Cơ sở 1 · Khánh Hòa · Cấp quốc gia · Từ ${'125.000\u00a0₫'}`,
    });
    expect(s[1]!.detail).toBe('Cơ sở 2 · Khánh Hòa · Cấp quốc gia · Không bán trực tuyến, liên hệ cơ sở');
    expect(s.slice(5).map((x) => x.label)).toEqual([
      'Nhóm Chế biến nông lâm thủy sản: 900 sản phẩm',
      'Nhóm Thủ công mỹ nghệ: 300 sản phẩm',
      'Nhóm Cơ khí: 33 sản phẩm',
      'Xem tất cả 1.234 kết quả',
    ]);
    expect(s[5]!.href).toBe('/search/?q=nuoc+mam&group=food');
    expect(s[8]).toEqual({ href: '/search/?q=nuoc+mam', label: 'Xem tất cả 1.234 kết quả' });
    expect(s.slice(5).every((x) => x.detail === undefined)).toBe(true);
  });

  it('links under /en/ in English', () => {
    const s = suggestionsOf(result([hit(1, 5000)], 1, { food: 1 }), 'fish sauce', en);
    expect(s.map((x) => x.href)).toEqual([
      '/en/products/nuoc-mam-1/',
      '/en/search/?q=fish+sauce&group=food',
      '/en/search/?q=fish+sauce',
    ]);
    expect(s[2]!.label).toBe('See all 1 results');
  });

  it('suggests nothing when nothing matches', () => {
    expect(suggestionsOf(result([], 0), 'xyz', vi)).toEqual([]);
  });
});

describe('statusText', () => {
  it('is empty before an answer, counts results and suggestions, or says none', () => {
    expect(statusText(null, 0, vi)).toBe('');
    expect(statusText(result([hit(1)], 1500), 6, vi)).toBe('1.500 kết quả, 6 gợi ý.');
    expect(statusText(result([], 0), 0, vi)).toBe('Không có kết quả.');
  });
});

describe('nextActive', () => {
  it('opens a closed popup on the first (Down) or last (Up) option', () => {
    expect(nextActive('ArrowDown', -1, 4, false)).toBe(0);
    expect(nextActive('ArrowUp', -1, 4, false)).toBe(3);
    expect(nextActive('ArrowDown', 2, 4, false)).toBe(0);
  });

  it('moves and wraps while open', () => {
    expect(nextActive('ArrowDown', -1, 4, true)).toBe(0);
    expect(nextActive('ArrowDown', 1, 4, true)).toBe(2);
    expect(nextActive('ArrowDown', 3, 4, true)).toBe(0);
    expect(nextActive('ArrowUp', 2, 4, true)).toBe(1);
    expect(nextActive('ArrowUp', 0, 4, true)).toBe(3);
    expect(nextActive('ArrowUp', -1, 4, true)).toBe(3);
  });

  it('goes to the ends with Home and End, and nowhere without options', () => {
    expect(nextActive('Home', 2, 4, true)).toBe(0);
    expect(nextActive('End', 1, 4, true)).toBe(3);
    expect(nextActive('ArrowDown', -1, 0, true)).toBe(-1);
  });
});

describe('request throttle', () => {
  it('sends at once after a pause, and waits out the window during a burst', () => {
    expect(delayBeforeRequest(1000, undefined)).toBe(0);
    expect(delayBeforeRequest(1000, 900)).toBe(0);
    expect(delayBeforeRequest(1000, 990)).toBe(30);
    expect(delayBeforeRequest(1000, 1000)).toBe(40);
  });
});
