/**
 * Every API route (each file under src/pages/api, found on disk) called in-process with a
 * seeded sample of the malformed requests of scripts/lib/malformed-requests.ts: none may end
 * in a 5xx or a thrown error (Astro's 500), and no table may change. The full run, on the
 * wire against the built server and on both databases, is scripts/bench/63-faults-malformed.ts;
 * this keeps the guarantee in CI. The routes are called as Astro would: params decoded with
 * decodeURI, HEAD served by GET, a method the file does not export answered by Astro (404).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { closeDatabase, database } from '~/db/client';
import { type ApiRoute, listApiRoutes } from '~scripts/lib/api-routes';
import {
  type MalformedRequest,
  malformedRequests,
  type Samples,
  samplesFrom,
  toFetchRequest,
} from '~scripts/lib/malformed-requests';
import { snapshotTables, tableChanges } from '~scripts/lib/table-snapshot';
import { openPostgresSchema } from '~tests/notifications/test-databases';

// The build's catalogue comes from astro:content; here, from the same content files on disk.
// The catalogue from the files instead of astro:content (which only exists inside Astro);
// everything else the capability exports is its own.
vi.mock('~/catalogue/astro', async (importOriginal) => {
  const actual = await importOriginal<typeof import('~/catalogue/astro')>();
  const files = await import('~/catalogue/content-files');
  let catalogue: ReturnType<typeof files.loadCatalogue> | undefined;
  return {
    ...actual,
    getCatalogue: () => (catalogue ??= files.loadCatalogue()),
    photosOf: (record: { photos: unknown[] }) => record.photos,
  };
});

const PER_ROUTE = 24;
const SEED = 14;
const WEBHOOK_SECRET = 'whsec_malformed_test_secret';
/** With DATABASE_URL the per-client limits count every attempt, refused or not, in this table. */
const MAY_CHANGE = { rate_limits: 'attempt counts' };

type Handler = (context: unknown) => Response | Promise<Response>;

let lastClient = 0;
const nextClient = () => `10.77.${(++lastClient >> 8) & 255}.${lastClient & 255}`;

/** The route and params Astro would match for a path, as its router decodes it. */
function match(routes: readonly ApiRoute[], pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURI(pathname);
  } catch {
    return 'bad_request' as const; // the Node adapter answers 400 before routing
  }
  for (const route of routes) {
    const source = route.pattern
      .split(/(\[[^\]]+\])/)
      .map((part) => (part.startsWith('[') ? '([^/]+)' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
      .join('');
    const found = new RegExp(`^${source}/?$`).exec(decoded);
    if (found)
      return { route, params: Object.fromEntries(route.params.map((name, i) => [name, found[i + 1]!])) };
  }
  return undefined;
}

const engines = [
  { name: 'pglite', url: undefined as string | undefined, skip: undefined as string | undefined },
  {
    name: 'postgres',
    url: process.env.TEST_DATABASE_URL,
    skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set',
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip !== undefined)(
    `malformed requests to every API route on ${engine.name}`,
    () => {
      const routes = listApiRoutes();
      const modules = new Map<string, Record<string, Handler>>();
      let samples: Samples;
      let dropSchema: (() => Promise<void>) | undefined;
      let dataDir: string;

      beforeAll(async () => {
        dataDir = mkdtempSync(path.join(tmpdir(), 'malformed-'));
        Object.assign(process.env, {
          DATA_DIR: dataDir,
          TRUST_PROXY: '1',
          LINK_SIGNING_SECRET: 'malformed-test-link-secret-of-32-chars',
          STRIPE_SECRET_KEY: 'sk_test_malformed',
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          // Nothing listens there: a request that wrongly got as far as Stripe fails, offline.
          STRIPE_API_BASE: 'http://127.0.0.1:9',
        });
        delete process.env.SMTP_URL;
        delete process.env.REDIS_URL;
        delete process.env.DATABASE_URL;
        if (engine.url) {
          const schema = await openPostgresSchema(engine.url, 'malformed');
          process.env.DATABASE_URL = schema.url;
          // The routes use the server's handle (database()); this one only owns the schema.
          dropSchema = () => schema.close();
        }
        resetEnvCache();
        await closeDatabase();
        const { loadCatalogue } = await import('~/catalogue/content-files');
        samples = { ...samplesFrom(await loadCatalogue()), stripeWebhookSecret: WEBHOOK_SECRET };
        for (const route of routes)
          modules.set(route.pattern, (await import(path.resolve(route.file))) as Record<string, Handler>);
      }, 120_000);

      afterAll(async () => {
        await closeDatabase();
        await dropSchema?.();
        rmSync(dataDir, { recursive: true, force: true });
        delete process.env.DATABASE_URL;
        resetEnvCache();
      });

      async function call(variant: MalformedRequest): Promise<number | 'skipped'> {
        const request = toFetchRequest(variant, 'http://localhost', nextClient());
        if (!request) return 'skipped';
        const url = new URL(request.url);
        const found = match(routes, url.pathname);
        if (found === 'bad_request') return 400;
        if (!found) return 404;
        const module = modules.get(found.route.pattern)!;
        const handler = module[request.method] ?? (request.method === 'HEAD' ? module.GET : undefined);
        if (!handler) return 404;
        const response = await handler({ request, params: found.params, url, clientAddress: '127.0.0.1' });
        await response.arrayBuffer();
        return response.status;
      }

      it(`answers ${PER_ROUTE} malformed requests per route with no 5xx, storing nothing`, async () => {
        const { db } = await database();
        const query = async (q: string) =>
          ((await db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] }).rows;
        // First use seeds stock: before the count, as in production it happens once.
        const warm = await call({
          route: '/api/products/[id]',
          kind: 'warm-up',
          note: '',
          method: 'GET',
          target: `/api/products/${encodeURIComponent(samples.productId)}`,
          headers: [],
          body: new Uint8Array(),
        });
        expect(warm).toBe(200);
        const before = await snapshotTables(query);

        const variants = malformedRequests(routes, samples, { seed: SEED, perRoute: PER_ROUTE });
        const failures: string[] = [];
        let called = 0;
        for (const variant of variants) {
          const what = `${variant.method} ${variant.target.slice(0, 80)} [${variant.kind}: ${variant.note}]`;
          try {
            const status = await call(variant);
            if (status === 'skipped') continue;
            called += 1;
            if (status >= 500) failures.push(`${status} for ${what}`);
          } catch (error) {
            failures.push(`threw (Astro's 500) for ${what}: ${(error as Error).message.slice(0, 200)}`);
          }
        }
        const changes = tableChanges(before, await snapshotTables(query), MAY_CHANGE).filter(
          (c) => !c.allowed,
        );

        expect({ failures, changes }).toEqual({ failures: [], changes: [] });
        // Only variants a socket alone can send were skipped: most went through the routes.
        expect(called).toBeGreaterThan(variants.length * 0.6);
        expect(new Set(variants.map((v) => v.route))).toEqual(new Set(routes.map((r) => r.pattern)));
      }, 120_000);
    },
  );
}
