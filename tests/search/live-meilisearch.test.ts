/**
 * With MEILISEARCH_URL set, the server that notices a change of the live catalogue sends the
 * changed products' whole documents (buildSearchDocuments' output for them) through the
 * official client: addDocuments (replace), never updateDocuments (merge, which would keep the
 * price of a product no longer sold online); products gone are deleted; sending again changes
 * nothing; a failed task is sent again later. No Meilisearch server runs here: a fake of its
 * HTTP API on 127.0.0.1 records the writes and keeps the index they make (as the other
 * Meilisearch tests do); the contract against a real server is meilisearch.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { LiveListings } from '~/listings/live-listings';
import { buildSearchDocuments, type SearchDocument } from '~/search/documents';
import { createSearchEngine } from '~/search/engine';
import type { LiveSearch } from '~/search/live-search';
import { FIXTURE_DATE, fixtureCatalogue } from './fixture';
import { listingBody, MemoryListingSource, query } from './live-fixture';

interface Fake {
  url: string;
  /** "METHOD path" of every write, in order. */
  writes: string[];
  /** The documents of each addDocuments call. */
  added: SearchDocument[][];
  deleted: string[][];
  /** The index as the writes left it (starting from what `npm run search:sync` sent). */
  index: Map<string, SearchDocument>;
  /** Fail the next n tasks. */
  failNext: number;
  server: Server;
}

async function fakeMeilisearch(initial: readonly SearchDocument[]): Promise<Fake> {
  const fake = {
    writes: [] as string[],
    added: [] as SearchDocument[][],
    deleted: [] as string[][],
    index: new Map(initial.map((d) => [d.id, d])),
    failNext: 0,
  };
  const tasks: { failed: boolean }[] = [];
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
      if (task) {
        const failed = tasks[Number(task[1])]!.failed;
        return send(200, {
          uid: Number(task[1]),
          status: failed ? 'failed' : 'succeeded',
          error: failed ? { message: 'disk full', code: 'internal' } : null,
          type: 'documentAdditionOrUpdate',
        });
      }
      if (call === 'POST /multi-search') {
        const { queries } = JSON.parse(body) as { queries: { indexUid: string }[] };
        return send(200, {
          results: queries.map((q) => ({
            indexUid: q.indexUid,
            hits: [],
            totalHits: 0,
            facetDistribution: {},
          })),
        });
      }
      fake.writes.push(call);
      const failed = fake.failNext > 0;
      if (failed) fake.failNext--;
      else if (call === 'POST /indexes/products/documents') {
        const documents = JSON.parse(body) as SearchDocument[];
        fake.added.push(documents);
        for (const d of documents) fake.index.set(d.id, d);
      } else if (call === 'POST /indexes/products/documents/delete-batch') {
        const ids = JSON.parse(body) as string[];
        fake.deleted.push(ids);
        for (const id of ids) fake.index.delete(id);
      }
      tasks.push({ failed });
      send(202, {
        taskUid: tasks.length - 1,
        indexUid: 'products',
        status: 'enqueued',
        type: 'x',
        enqueuedAt: '',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { url, server });
}

const fakes: Fake[] = [];
const engines: LiveSearch[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.close();
  for (const fake of fakes.splice(0)) await new Promise((resolve) => fake.server.close(resolve));
});

const synced = () => buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE);

async function server(
  fake: Fake,
  catalogue: () => Promise<Catalogue>,
  warn: (message: string) => void = () => {},
) {
  const engine = (await createSearchEngine(
    { MEILISEARCH_URL: fake.url, MEILISEARCH_INDEX: 'products' },
    async () => fixtureCatalogue,
    { catalogue, today: () => FIXTURE_DATE, followForMs: 0, retryAfterMs: 0, warn },
  )) as LiveSearch;
  expect(engine.backend).toBe('meilisearch');
  engines.push(engine);
  return engine;
}

const byId = (documents: SearchDocument[]) => [...documents].sort((a, b) => a.id.localeCompare(b.id));

describe('LiveSearch over Meilisearch', () => {
  it('sends exactly the changed products’ documents, whole, once', async () => {
    const fake = await fakeMeilisearch(synced());
    fakes.push(fake);
    const source = new MemoryListingSource();
    const listings = new LiveListings(source, 0);
    const engine = await server(fake, () => listings.apply(fixtureCatalogue));
    await engine.settle();
    expect(engine.current).toBe(true);
    expect(fake.writes).toEqual([]); // nothing saved yet: nothing to send

    source.save('non-la-chuong', listingBody('NLC', [5_000], { availability: 'made_to_order' }));
    source.save('may-xay-xat-gao-mini', listingBody('MXXG', [4_500_000]));
    source.save('mi-chu-bac-giang', null);
    await engine.settle();
    const live = await listings.apply(fixtureCatalogue);
    const expected = buildSearchDocuments(live, FIXTURE_DATE).filter((d) =>
      ['non-la-chuong', 'may-xay-xat-gao-mini', 'mi-chu-bac-giang'].includes(d.id),
    );
    expect(fake.writes).toEqual(['POST /indexes/products/documents']);
    expect(byId(fake.added[0]!)).toEqual(byId(expected));
    // Whole documents: the noodles, no longer sold online, carry no price any more.
    const noodles = fake.added[0]!.find((d) => d.id === 'mi-chu-bac-giang')!;
    expect(noodles).not.toHaveProperty('price');
    expect(noodles).toMatchObject({ hasListing: false, availability: 'not_sold_online' });
    // The index now holds what a full sync of the live catalogue would.
    expect(byId([...fake.index.values()])).toEqual(byId(buildSearchDocuments(live, FIXTURE_DATE)));

    // Nothing new: nothing sent. Searches still go to Meilisearch.
    await engine.settle();
    await engine.search(query({ q: 'non la' }));
    expect(fake.writes).toHaveLength(1);
  });

  it('is harmless when every server sends the same change', async () => {
    const fake = await fakeMeilisearch(synced());
    fakes.push(fake);
    const source = new MemoryListingSource();
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    const one = await server(fake, () => new LiveListings(source, 0).apply(fixtureCatalogue));
    await one.settle();
    const after = new Map(fake.index);
    const two = await server(fake, () => new LiveListings(source, 0).apply(fixtureCatalogue));
    await two.settle();
    expect(fake.added).toHaveLength(2);
    expect(fake.added[1]).toEqual(fake.added[0]);
    expect(fake.index).toEqual(after);
  });

  it('deletes the documents of products gone from the catalogue', async () => {
    const fake = await fakeMeilisearch(synced());
    fakes.push(fake);
    const data = fixtureCatalogue.data;
    const gone = new Catalogue({ ...data, products: data.products.filter((p) => p.id !== 'dao-keo-da-sy') });
    const engine = await server(fake, async () => gone);
    await engine.settle();
    expect(fake.writes).toEqual(['POST /indexes/products/documents/delete-batch']);
    expect(fake.deleted).toEqual([['dao-keo-da-sy']]);
  });

  it('sends a change again after a failed task, and logs the failure once', async () => {
    const fake = await fakeMeilisearch(synced());
    fakes.push(fake);
    const source = new MemoryListingSource();
    const listings = new LiveListings(source, 0);
    const warnings: string[] = [];
    const engine = await server(
      fake,
      () => listings.apply(fixtureCatalogue),
      (m) => warnings.push(m),
    );
    await engine.settle();
    fake.failNext = 2;
    source.save('non-la-chuong', listingBody('NLC', [5_000]));
    await engine.settle();
    await engine.settle();
    expect(engine.current).toBe(false);
    expect(fake.added).toEqual([]);
    await engine.settle();
    expect(engine.current).toBe(true);
    expect(fake.writes).toHaveLength(3);
    expect(fake.added.map((batch) => batch.map((d) => d.id))).toEqual([['non-la-chuong']]);
    expect(fake.index.get('non-la-chuong')?.price).toBe(5_000);
    expect(warnings).toHaveLength(1);
  });
});
