import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '~/search/embedded';
import type { SearchQuery } from '~/search/types';
import { searchContract } from './contract-suite';
import { fixtureDocuments } from './fixture';

describe('embedded search engine: contract', () => {
  searchContract(async () => new EmbeddedSearchEngine(fixtureDocuments));
});

describe('embedded search engine: Vietnamese ranking', () => {
  const engine = new EmbeddedSearchEngine(fixtureDocuments);
  const top = async (q: string, n = 1) =>
    (
      await engine.search({ q, filters: {}, sort: 'relevance', page: 1, limit: n } satisfies SearchQuery)
    ).hits.map((h) => h.id);

  it('ranks the word as written above look-alikes: "trà" before "cá tra"', async () => {
    const ids = await top('trà', 10);
    expect(ids.indexOf('ca-tra-phi-le')).toBeGreaterThan(ids.indexOf('tra-sen-tay-ho'));
    expect(ids.indexOf('ca-tra-phi-le')).toBeGreaterThan(ids.indexOf('tra-shan-tuyet-suoi-giang'));
  });

  it('"cá tra" finds the fish, not tea', async () => {
    expect(await top('cá tra')).toEqual(['ca-tra-phi-le']);
    expect(await top('ca tra')).toEqual(['ca-tra-phi-le']);
  });

  it('does not turn a 3-letter syllable into another one ("mam" does not match "man")', async () => {
    const ids = await top('mat ong', 5);
    expect(ids[0]).toBe('mat-ong-bac-ha-meo-vac');
    expect(ids).not.toContain('nuoc-mam-cat-hai');
  });

  it('prefers a match in the name to one in the facility name', async () => {
    // "Mắm tôm Cát Hải" is made by "HTX Nước mắm Cát Hải": it matches, after the nước mắm products.
    const ids = await top('nuoc mam cat hai', 2);
    expect(ids).toEqual(['nuoc-mam-cat-hai', 'mam-tom-cat-hai']);
  });

  it('prefers the higher level among equal matches', async () => {
    // Two six-word names with "gốm … Bát Tràng", from two Bát Tràng facilities named "Gốm …":
    // the vase is certified nationally, the tea set by the province.
    expect(await top('gom bat trang', 2)).toEqual(['binh-gom-men-lam-bat-trang', 'bo-am-chen-bat-trang']);
  });

  it('accepts any word when not every word matches', async () => {
    expect(await top('nuoc mam qwxzk', 4)).toHaveLength(4);
  });
});
