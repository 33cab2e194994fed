/**
 * What the Meilisearch adapter sends, recorded by a fake Meilisearch on 127.0.0.1 through the
 * official client: the index settings of `npm run search:sync` and the multi-search bodies of
 * a query. They must carry the embedded engine's relevance rules that Meilisearch can express
 * (README "Search"); a real server runs the shared contract in meilisearch.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MultiSearchQuery, Settings } from 'meilisearch';
import { afterEach, describe, expect, it } from 'vitest';
import { typoBudget } from '~/search/analysis';
import { MeilisearchEngine, meilisearchClient } from '~/search/meilisearch';
import { MEILISEARCH_SORT } from '~/search/meilisearch-settings';
import { reindex } from '~/search/meilisearch-sync';
import { FACET_FIELDS, type SearchQuery, SORTS } from '~/search/types';
import { catalogueWords, MATCHED_TEXT_FIELDS } from '~/search/vocabulary';
import { fixtureDocuments } from './fixture';

interface Fake {
  url: string;
  settings: Settings[];
  /** The queries of each POST /multi-search, in order. */
  searches: MultiSearchQuery[][];
  server: Server;
}

/**
 * Accepts every write as a task that succeeds at once; answers each search query with the
 * total `totalFor` gives it (no hits: only the requests are under test).
 */
async function fakeMeilisearch(totalFor: (query: MultiSearchQuery) => number = () => 1): Promise<Fake> {
  const settings: Settings[] = [];
  const searches: MultiSearchQuery[][] = [];
  let tasks = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      const call = `${req.method} ${path}`;
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const task = /^GET \/tasks\/(\d+)$/.exec(call);
      if (task) return send(200, { uid: Number(task[1]), status: 'succeeded', error: null, type: 'x' });
      if (/^GET \/indexes\//.test(call))
        return send(404, {
          code: 'index_not_found',
          message: 'not found',
          type: 'invalid_request',
          link: '',
        });
      if (call === 'POST /multi-search') {
        const { queries } = JSON.parse(body) as { queries: MultiSearchQuery[] };
        searches.push(queries);
        return send(200, {
          results: queries.map((q) => ({
            indexUid: q.indexUid,
            hits: [],
            query: q.q,
            processingTimeMs: 0,
            page: q.page,
            hitsPerPage: q.hitsPerPage,
            totalPages: 1,
            totalHits: totalFor(q),
            facetDistribution: {},
          })),
        });
      }
      if (/^PATCH \/indexes\/[^/]+\/settings$/.test(call)) settings.push(JSON.parse(body));
      send(202, { taskUid: tasks++, indexUid: null, status: 'enqueued', type: 'x', enqueuedAt: '' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, settings, searches, server };
}

let fake: Fake | undefined;
afterEach(async () => {
  await new Promise((resolve) => fake?.server.close(resolve));
  fake = undefined;
});

async function sentSettings(): Promise<Settings> {
  fake = await fakeMeilisearch();
  await reindex(meilisearchClient({ url: fake.url }), 'products', fixtureDocuments, { batchSize: 100 });
  expect(fake.settings).toHaveLength(1);
  return fake.settings[0]!;
}

const query = (q: string, rest: Partial<SearchQuery> = {}): SearchQuery => ({
  q,
  filters: {},
  sort: 'relevance',
  page: 1,
  limit: 20,
  ...rest,
});

async function sentSearches(
  q: SearchQuery,
  totalFor?: (query: MultiSearchQuery) => number,
): Promise<MultiSearchQuery[][]> {
  fake = await fakeMeilisearch(totalFor);
  await new MeilisearchEngine(meilisearchClient({ url: fake.url }), 'products').search(q);
  return fake.searches;
}

describe('Meilisearch settings sent by search:sync', () => {
  it('ranks the marked name first, then codes and the name, descriptions last', async () => {
    expect((await sentSettings()).searchableAttributes).toEqual([
      'nameMarked',
      'codeKeys',
      'codesText',
      'nameText',
      'joinedText',
      'synonymsText',
      'facilityText',
      'placeText',
      'groupText',
      'descriptionText',
    ]);
  });

  it('allows typos from the same word lengths as the embedded engine', async () => {
    const { oneTypo, twoTypos } = (await sentSettings()).typoTolerance!.minWordSizeForTypos!;
    for (let length = 1; length <= 12; length++) {
      const meilisearch = length >= twoTypos! ? 2 : length >= oneTypo! ? 1 : 0;
      expect(meilisearch, `${length} letters`).toBe(typoBudget('a'.repeat(length)));
    }
  });

  it('takes the catalogue’s own words as typed, and matches codes, group words and descriptions exactly', async () => {
    const { typoTolerance } = await sentSettings();
    expect(typoTolerance!.enabled).toBe(true);
    expect(typoTolerance!.disableOnWords).toEqual(catalogueWords(fixtureDocuments));
    expect(typoTolerance!.disableOnWords).toEqual(expect.arrayContaining(['nuoc', 'mam', 'nuocmam', 'tra']));
    expect(typoTolerance!.disableOnWords).not.toContain('mamm');
    expect([...typoTolerance!.disableOnAttributes!].sort()).toEqual(
      ['codeKeys', 'codesText', 'descriptionText', 'groupText', 'nameMarked'].sort(),
    );
  });

  it('searches every field the embedded engine matches', async () => {
    const searchable = (await sentSettings()).searchableAttributes!;
    expect(searchable).toEqual(expect.arrayContaining([...MATCHED_TEXT_FIELDS, 'nameMarked', 'codeKeys']));
  });

  it('applies synonyms in the documents, not at query time', async () => {
    const settings = await sentSettings();
    expect(settings.synonyms).toEqual({});
    expect(settings.searchableAttributes).toContain('synonymsText');
    const che = fixtureDocuments.find((d) => d.id === 'che-tan-cuong-thai-nguyen')!;
    expect(che.synonymsText.split(' ')).toContain('tra');
  });

  it('filters on every facet, listing and price; sorts on every order; breaks ties as the embedded engine', async () => {
    const settings = await sentSettings();
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([...FACET_FIELDS, 'hasListing', 'price']),
    );
    for (const sort of SORTS)
      for (const rule of MEILISEARCH_SORT[sort] ?? [])
        expect(settings.sortableAttributes, sort).toContain(rule.split(':')[0]);
    expect(settings.rankingRules![0]).toBe('sort');
    expect(settings.rankingRules!.slice(-3)).toEqual(['levelRank:desc', 'newestYear:desc', 'nameSort:asc']);
  });
});

describe('Meilisearch search requests', () => {
  it('sends the folded query, every word required, without the marked name or descriptions', async () => {
    const searches = await sentSearches(query('NUOC MAM'));
    expect(searches).toHaveLength(1);
    const [main] = searches[0]!;
    expect(main).toMatchObject({ q: 'nuoc mam', matchingStrategy: 'all', page: 1, hitsPerPage: 20 });
    expect(main!.attributesToSearchOn).not.toContain('nameMarked');
    expect(main!.attributesToSearchOn).not.toContain('descriptionText');
  });

  it('searches the marked name too when a word carries marks', async () => {
    const [[main]] = (await sentSearches(query('trà'))) as [[MultiSearchQuery]];
    expect(main.q).toBe('tra');
    expect(main.attributesToSearchOn![0]).toBe('nameMarked');
    expect(main.attributesToSearchOn).not.toContain('descriptionText');
  });

  it('tries descriptions only when nothing else matched, then fewer words', async () => {
    const searches = await sentSearches(query('chung cat'), () => 0);
    expect(
      searches.map(([main]) => [
        main!.matchingStrategy,
        main!.attributesToSearchOn?.includes('descriptionText'),
      ]),
    ).toEqual([
      ['all', false],
      ['all', true],
      ['last', true],
    ]);
    expect(await sentSearches(query('qwxzk'), () => 0)).toHaveLength(2);
  });

  it('decides the fallback on the words alone, not on what the filters leave', async () => {
    // Filtered to nothing, but the words match: the embedded engine does not try descriptions.
    const searches = await sentSearches(query('nuoc mam', { filters: { group: ['handicraft'] } }), (q) =>
      q.filter && q.filter.length > 0 ? 0 : 3,
    );
    expect(searches).toHaveLength(1);
    const count = searches[0]!.at(-1)!;
    expect(count).toMatchObject({ q: 'nuoc mam', hitsPerPage: 0 });
    expect(count.filter).toBeUndefined();
  });

  it('counts facets with the same words and attributes as the results', async () => {
    const [queries] = (await sentSearches(
      query('trà', { filters: { group: ['food'], level: ['national'] } }),
    )) as [MultiSearchQuery[]];
    const [main, ...facets] = queries;
    expect(facets.map((f) => f.facets)).toEqual([['group'], ['level'], undefined]);
    for (const f of facets) {
      expect(f.attributesToSearchOn).toEqual(main!.attributesToSearchOn);
      expect(f.matchingStrategy).toBe(main!.matchingStrategy);
    }
  });

  it('sends the chosen order, and browses the whole catalogue for an empty query', async () => {
    const [[main]] = (await sentSearches(query('', { sort: 'price-asc' }))) as [[MultiSearchQuery]];
    expect(main).toMatchObject({ q: '', sort: ['price:asc'] });
    expect(main.attributesToSearchOn).toBeUndefined();
  });
});
