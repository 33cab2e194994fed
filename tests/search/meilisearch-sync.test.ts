/**
 * The order of the zero-downtime reindex, against a small fake of the Meilisearch HTTP API
 * (a real server runs the contract suite in meilisearch.test.ts when MEILISEARCH_URL is set).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { meilisearchClient } from '~/search/meilisearch';
import { reindex } from '~/search/meilisearch-sync';
import { fixtureDocuments } from './fixture';

interface Fake {
  url: string;
  calls: string[];
  indexes: Set<string>;
  server: Server;
}

/** Every write is a task that succeeds at once, unless `failOn` matches its "METHOD path". */
async function fakeMeilisearch(existing: string[], failOn?: RegExp): Promise<Fake> {
  const indexes = new Set(existing);
  const calls: string[] = [];
  const tasks = new Map<number, { status: string; error: unknown }>();
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
        const t = tasks.get(Number(task[1]))!;
        return send(200, {
          uid: Number(task[1]),
          status: t.status,
          error: t.error,
          type: 'x',
          enqueuedAt: '',
          indexUid: null,
        });
      }
      calls.push(call);
      const index = /^GET \/indexes\/([^/]+)$/.exec(call);
      if (index) {
        return indexes.has(index[1]!)
          ? send(200, { uid: index[1], primaryKey: 'id' })
          : send(404, {
              code: 'index_not_found',
              message: `Index \`${index[1]}\` not found.`,
              type: 'invalid_request',
              link: '',
            });
      }
      const failed = failOn?.test(call) ?? false;
      if (!failed) {
        const json = body ? JSON.parse(body) : undefined;
        if (call === 'POST /indexes') indexes.add(json.uid);
        if (/^DELETE \/indexes\//.test(call)) indexes.delete(path.split('/')[2]!);
        if (call === 'POST /swap-indexes' && json[0].rename) {
          indexes.delete(json[0].indexes[0]);
          indexes.add(json[0].indexes[1]);
        }
      }
      const uid = tasks.size;
      tasks.set(
        uid,
        failed
          ? { status: 'failed', error: { message: 'disk full', code: 'internal' } }
          : { status: 'succeeded', error: null },
      );
      send(202, { taskUid: uid, indexUid: null, status: 'enqueued', type: 'x', enqueuedAt: '' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, indexes, server };
}

let fake: Fake | undefined;
afterEach(async () => {
  await new Promise((resolve) => fake?.server.close(resolve));
  fake = undefined;
});

const shape = (calls: string[]) => calls.map((c) => c.replace(/products_staging_\d+/, 'STAGING'));

describe('Meilisearch reindex', () => {
  it('fills a staging index (settings before documents) and renames it in when there is no live index', async () => {
    fake = await fakeMeilisearch([]);
    const lines: string[] = [];
    await reindex(meilisearchClient({ url: fake.url }), 'products', fixtureDocuments, {
      batchSize: 10,
      log: (l) => lines.push(l),
    });
    expect(shape(fake.calls)).toEqual([
      'POST /indexes',
      'PATCH /indexes/STAGING/settings',
      'POST /indexes/STAGING/documents',
      'POST /indexes/STAGING/documents',
      'POST /indexes/STAGING/documents',
      'GET /indexes/products',
      'POST /swap-indexes',
    ]);
    expect([...fake.indexes]).toEqual(['products']);
    expect(lines).toContain(`documents ${fixtureDocuments.length}/${fixtureDocuments.length}`);
  });

  it('swaps with the live index, then deletes the previous one', async () => {
    fake = await fakeMeilisearch(['products']);
    await reindex(meilisearchClient({ url: fake.url }), 'products', fixtureDocuments, { batchSize: 100 });
    expect(shape(fake.calls).slice(-3)).toEqual([
      'GET /indexes/products',
      'POST /swap-indexes',
      'DELETE /indexes/STAGING',
    ]);
    expect([...fake.indexes]).toEqual(['products']);
  });

  it('leaves the live index alone and removes the staging index when a batch fails', async () => {
    fake = await fakeMeilisearch(['products'], /documents$/);
    await expect(reindex(meilisearchClient({ url: fake.url }), 'products', fixtureDocuments)).rejects.toThrow(
      /adding documents 1–\d+ failed: disk full/,
    );
    expect(shape(fake.calls)).not.toContain('POST /swap-indexes');
    expect(shape(fake.calls).at(-1)).toBe('DELETE /indexes/STAGING');
    expect([...fake.indexes]).toEqual(['products']);
  });
});
