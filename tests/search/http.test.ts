import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '~/search/embedded';
import { searchApiResponse } from '~/search/http';
import type { SearchEngine } from '~/search/types';
import { fixtureDocuments } from './fixture';

const engine = new EmbeddedSearchEngine(fixtureDocuments);
const get = async (query: string, using: () => Promise<SearchEngine> = async () => engine) => {
  const response = await searchApiResponse(new URL(`http://localhost/api/search?${query}`), using);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('GET /api/search', () => {
  it('answers with hits, total, facets, page and limit', async () => {
    const { status, body } = await get('q=nuoc+mam&limit=2');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['facets', 'hits', 'limit', 'page', 'total']);
    expect(body.hits).toHaveLength(2);
    expect(Object.keys(body.hits[0]).sort()).toEqual([
      'availability',
      'facility',
      'group',
      'id',
      'level',
      'name',
      'price',
      'province',
      'url',
    ]);
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(Object.keys(body.facets)).toEqual(
      expect.arrayContaining(['group', 'level', 'region', 'province']),
    );
    expect(body).toMatchObject({ page: 1, limit: 2 });
  });

  it('filters with single, comma-separated and repeated values; province in any spelling', async () => {
    const single = await get('group=machinery');
    const comma = await get('group=machinery,other');
    const repeated = await get('group=machinery&group=other');
    expect(single.body.total).toBe(2);
    expect(comma.body.total).toBe(3);
    expect(repeated.body.total).toBe(3);
    const hanoi = await get('province=ha+noi');
    expect(hanoi.status).toBe(200);
    expect(hanoi.body.hits.every((h: { province: string }) => h.province === 'Hà Nội')).toBe(true);
    // A former province name is read as today's province.
    expect((await get('province=Kiên+Giang')).body.total).toBe(2);
  });

  it('caps the limit instead of refusing it', async () => {
    const { status, body } = await get('limit=5000');
    expect(status).toBe(200);
    expect(body.limit).toBe(50);
  });

  it('refuses bad input with a 400 that names each field', async () => {
    const { status, body } = await get(
      'group=toys&level=planet&province=Atlantis&sort=random&page=0&priceMin=abc',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(Object.keys(body.error.fields).map((k) => k.split('.')[0])).toEqual(
      expect.arrayContaining(['group', 'level', 'province', 'sort', 'page', 'priceMin']),
    );
    expect(body.error.fields['province.0']).toContain('Atlantis');
  });

  it('refuses a price range that ends before it starts, and an overlong query', async () => {
    expect((await get('priceMin=500000&priceMax=100000')).body.error.fields.priceMin).toBe(
      'priceMin is above priceMax',
    );
    expect((await get(`q=${'a'.repeat(201)}`)).status).toBe(400);
  });

  it('answers 503 when the engine fails, not an empty result', async () => {
    const { status, body } = await get('q=x', async () => {
      throw new Error('connect ECONNREFUSED');
    });
    expect(status).toBe(503);
    expect(body.error.code).toBe('search_unavailable');
  });
});
