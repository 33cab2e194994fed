import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '~/search/embedded';
import { activeFilterCount, facetOptions, searchPageModel, searchPagePath } from '~/search/page';
import { fixtureDocuments } from './fixture';

const engine = new EmbeddedSearchEngine(fixtureDocuments);
const model = (query: string) =>
  searchPageModel(new URL(`http://localhost/search/?${query}`), async () => engine);

describe('search page model', () => {
  it('runs the search of the URL, repeated checkboxes included', async () => {
    const m = await model('q=gom&group=handicraft&group=other&sort=price-asc');
    expect(m.status).toBe(200);
    expect(m.params).toMatchObject({ q: 'gom', group: ['handicraft', 'other'], sort: 'price-asc', page: 1 });
    expect(m.result?.hits.length).toBeGreaterThan(0);
    expect(activeFilterCount(m.params)).toBe(2);
  });

  it('ignores and names bad parameters but still shows results', async () => {
    const m = await model('q=gom&group=toys&page=-3');
    expect(m.status).toBe(400);
    expect(m.ignored.sort()).toEqual(['group', 'page']);
    expect(m.params).toMatchObject({ q: 'gom', page: 1 });
    expect(m.result?.total).toBeGreaterThan(0);
  });

  it('says search is unavailable when the engine fails', async () => {
    const m = await searchPageModel(new URL('http://localhost/search/?q=x'), async () => {
      throw new Error('down');
    });
    expect(m.status).toBe(503);
    expect(m.result).toBeUndefined();
  });

  it('lists facet values in programme order with counts, keeping ticked empty ones', async () => {
    const m = await model('q=nuoc+mam&level=national');
    const levels = facetOptions('level', m.result!.facets, m.params, 'vi');
    expect(levels.map((o) => o.value)).toEqual(['national', 'regional', 'province', 'district']);
    expect(levels[0]).toMatchObject({ label: 'Cấp quốc gia', count: 1, checked: true });
    // Machinery has no nước mắm: shown only because it is ticked.
    const ticked = await model('q=nuoc+mam&group=machinery');
    const groups = facetOptions('group', ticked.result!.facets, ticked.params, 'en');
    expect(groups.map((o) => o.value)).toEqual(['food', 'machinery']);
    expect(groups.find((o) => o.value === 'machinery')).toMatchObject({
      count: 0,
      checked: true,
      label: 'Equipment, machinery, tools and mechanical parts',
    });
  });

  it('links other pages of the same search', () => {
    const url = new URL('http://localhost/en/search/?q=tr%C3%A0&group=food&group=other&page=2');
    expect(searchPagePath(url, 3)).toBe('/search/?q=tr%C3%A0&group=food&group=other&page=3');
    expect(searchPagePath(url, 1)).toBe('/search/?q=tr%C3%A0&group=food&group=other');
  });
});
