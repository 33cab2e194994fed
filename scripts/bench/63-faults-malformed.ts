/**
 * Fault injection, malformed input (issue 14 item 8d): every API route (read from
 * src/pages/api, so new routes are included) gets 200 malformed requests from the seeded
 * generator in scripts/lib/malformed-requests.ts — wrong JSON types per field, missing and
 * unknown fields, 2 MB and 50 MB-claimed bodies, deep nesting, truncated JSON, invalid UTF-8,
 * other content types and encodings, absurd query and path parameters, garbage headers,
 * methods the route does not export, lying framing — sent on raw sockets to the built server,
 * on PGlite (a temp DATA_DIR) and on PostgreSQL (a database created for the run and dropped
 * after). The server trusts one proxy hop and each request comes from its own address, so the
 * per-client limits do not turn the run into 429s (those that remain are counted).
 *
 * Verdict: FAILED, and the run throws, on any 5xx answered, any request left unanswered that
 * did not leave its body unfinished, any 5xx the server logged (a client that hung up does
 * not see it, monitoring does), the server not healthy afterwards, or any table whose rows
 * changed — counted in every table before and after (PGlite is read after the server stopped,
 * since only one process may open its folder: src/db/folder-lock.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadCatalogue } from '~/catalogue/content-files';
import { openDatabase } from '~/db/client';
import { listApiRoutes } from '../lib/api-routes';
import type { BenchContext } from '../lib/bench-context';
import { startLoggedServer } from '../lib/logged-server';
import {
  type MalformedRequest,
  malformedRequests,
  type Samples,
  samplesFrom,
} from '../lib/malformed-requests';
import { type RawAnswer, sendRaw } from '../lib/raw-http';
import { snapshotTables, type TableSnapshot, tableChanges } from '../lib/table-snapshot';

/** Another seed sends other variants (of the same kinds); this one makes every run alike. */
const SEED = 8;
const PER_ROUTE = 200;
/** Requests in flight at once: the machine is shared, and latency should mean the request's own. */
const CONCURRENCY = 4;
/** How long a request whose body the client never finishes is given before the client hangs up. */
const HOLD_MS = 1_500;
/** Any other request not answered by then is a hang. */
const ANSWER_MS = 30_000;
const WEBHOOK_SECRET = 'whsec_malformed_bench_secret';

/**
 * Tables a refused request may rightly change. rate_limits: with DATABASE_URL (and no Redis)
 * the per-client limits count every attempt, valid or not (docs/http-api.md, "Rate limits"),
 * in this table; a request refused as malformed still used up one of its client's attempts.
 */
const MAY_CHANGE: Record<string, string> = {
  rate_limits: 'per-client attempt counts: every attempt counts, refused or not',
};

/**
 * What Astro's Node adapter logs ("[ERROR] Could not render") when Node has already closed the
 * connection over a framing error (a chunk size "zz", bytes past Content-Length): the client
 * got Node's own 400 and the request log no 5xx, but the adapter still tries to wrap the dead
 * request. Counted and shown, not a fault of the application.
 */
const CLOSED_CONNECTION_ERROR = 'Response body object should not be disturbed or locked';

let lastClient = 0;
function nextClient(): string {
  lastClient += 1;
  return `10.${(lastClient >> 16) & 255}.${(lastClient >> 8) & 255}.${lastClient & 255}`;
}

interface Outcome {
  variant: MalformedRequest;
  answer: RawAnswer;
}

async function fire(base: URL, variants: readonly MalformedRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  let reported = 0;
  const worker = async () => {
    while (next < variants.length) {
      const variant = variants[next++]!;
      const headers = variant.ownsForwardedFor
        ? variant.headers
        : [...variant.headers, ['X-Forwarded-For', nextClient()] as const];
      const answer = await sendRaw(base, { ...variant, headers }, variant.awaitsMore ? HOLD_MS : ANSWER_MS);
      outcomes.push({ variant, answer });
      if (outcomes.length - reported >= 400) {
        reported = outcomes.length;
        console.log(`  … ${outcomes.length}/${variants.length} sent`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

function outcomeLine(o: Outcome): string {
  return `${o.variant.method} ${o.variant.route} [${o.variant.kind}: ${o.variant.note}] → ${o.answer.status || o.answer.unanswered}`;
}

function report(ctx: BenchContext, label: string, outcomes: Outcome[]): string[] {
  const problems: string[] = [];
  const routes = [...new Set(outcomes.map((o) => o.variant.route))].sort();
  for (const route of routes) {
    const mine = outcomes.filter((o) => o.variant.route === route);
    const count = (test: (s: number) => boolean) => mine.filter((o) => test(o.answer.status)).length;
    ctx.record(`malformed ${route}, ${label}`, {
      requests: mine.length,
      '2xx': count((s) => s >= 200 && s < 300),
      '4xx': count((s) => s >= 400 && s < 500),
      rate_limited_429: count((s) => s === 429),
      '5xx': count((s) => s >= 500),
      unanswered_body_unfinished: mine.filter((o) => o.answer.status === 0 && o.variant.awaitsMore).length,
      unanswered_other: mine.filter((o) => o.answer.status === 0 && !o.variant.awaitsMore).length,
      max_ms: Math.max(...mine.filter((o) => o.answer.status > 0).map((o) => o.answer.ms)),
    });
  }
  const fives = outcomes.filter((o) => o.answer.status >= 500);
  const hangs = outcomes.filter((o) => o.answer.status === 0 && !o.variant.awaitsMore);
  const others = outcomes.filter(
    (o) =>
      o.answer.status > 0 && (o.answer.status < 200 || (o.answer.status >= 300 && o.answer.status < 400)),
  );
  for (const o of fives.slice(0, 10)) problems.push(`5xx: ${outcomeLine(o)}`);
  for (const o of hangs.slice(0, 10))
    problems.push(`no answer within ${ANSWER_MS / 1000} s: ${outcomeLine(o)}`);
  for (const o of others.slice(0, 5)) console.log(`  note: ${outcomeLine(o)}`);
  const answered = outcomes.filter((o) => o.answer.status > 0);
  const latencies = answered.map((o) => o.answer.ms).sort((a, b) => a - b);
  ctx.record(`malformed requests, all routes, ${label}`, {
    routes: routes.length,
    requests: outcomes.length,
    '2xx': answered.filter((o) => o.answer.status < 300).length,
    '4xx': answered.filter((o) => o.answer.status >= 400 && o.answer.status < 500).length,
    rate_limited_429: answered.filter((o) => o.answer.status === 429).length,
    '5xx': fives.length,
    unanswered_body_unfinished: outcomes.filter((o) => o.answer.status === 0 && o.variant.awaitsMore).length,
    unanswered_other: hangs.length,
    p50_ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    max_ms: latencies.at(-1) ?? 0,
  });
  return problems;
}

async function pgliteSnapshot(dataDir: string): Promise<TableSnapshot> {
  const handle = await openDatabase({
    pgliteDir: path.join(dataDir, 'pglite'),
    role: 'the malformed-requests benchmark',
  });
  try {
    return await snapshotTables(
      async (q) =>
        ((await handle.db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] }).rows,
    );
  } finally {
    await handle.close();
  }
}

/** First use seeds stock and builds the search index: done before the "before" count. */
async function warmUp(url: string, samples: Samples): Promise<void> {
  const started = Date.now();
  while ((await fetch(`${url}/readyz`)).status !== 200) {
    if (Date.now() - started > 120_000) throw new Error('the server did not become ready within 2 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const product = await fetch(`${url}/api/products/${encodeURIComponent(samples.productId)}`, {
    headers: { 'x-forwarded-for': nextClient() },
  });
  if (product.status !== 200) throw new Error(`warm-up: GET /api/products answered ${product.status}`);
}

async function fuzz(
  ctx: BenchContext,
  label: string,
  env: Record<string, string | undefined>,
  variants: readonly MalformedRequest[],
  samples: Samples,
  snapshot: (phase: 'stopped' | 'live') => Promise<TableSnapshot | undefined>,
): Promise<string[]> {
  const serverEnv = {
    ...env,
    TRUST_PROXY: '1',
    LOG_LEVEL: 'info',
    STRIPE_SECRET_KEY: 'sk_test_malformed_bench',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Nothing listens there: a request that wrongly got as far as Stripe fails fast, offline.
    STRIPE_API_BASE: 'http://127.0.0.1:9',
  };
  let server = await startLoggedServer(serverEnv);
  let before: TableSnapshot;
  try {
    await warmUp(server.url, samples);
    const live = await snapshot('live');
    if (live) before = live;
    else {
      await server.stop();
      before = (await snapshot('stopped'))!;
      server = await startLoggedServer(serverEnv);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const problems: string[] = [];
  let after: TableSnapshot | undefined;
  try {
    console.log(`${label}: sending ${variants.length} malformed requests …`);
    const t0 = performance.now();
    const outcomes = await fire(new URL(server.url), variants);
    console.log(`${label}: sent in ${Math.round((performance.now() - t0) / 1000)} s`);
    problems.push(...report(ctx, label, outcomes));
    const health = await fetch(`${server.url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    const ready = await fetch(`${server.url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (health !== 200 || ready !== 200)
      problems.push(`server not healthy afterwards: /healthz ${health}, /readyz ${ready}`);
    after = await snapshot('live');
  } finally {
    await server.stop();
  }
  after ??= (await snapshot('stopped'))!;
  const logged = server.logged();
  const closedConnection = logged.errors.filter((e) => e.includes(CLOSED_CONNECTION_ERROR));
  const otherErrors = logged.errors.filter((e) => !e.includes(CLOSED_CONNECTION_ERROR));
  for (const line of logged.requests5xx.slice(0, 10)) problems.push(`server logged a 5xx: ${line}`);
  for (const line of otherErrors.slice(0, 10)) problems.push(`server logged an error: ${line}`);
  const changes = tableChanges(before, after, MAY_CHANGE);
  const stored = changes.filter((c) => !c.allowed);
  for (const c of stored)
    problems.push(
      `table ${c.table} changed: ${c.rowsBefore} → ${c.rowsAfter} rows${c.contentsChanged ? ', contents changed' : ''}`,
    );
  ctx.record(`malformed requests, tables, ${label}`, {
    tables: after.size,
    rows_before: [...before.values()].reduce((n, t) => n + t.rows, 0),
    rows_after: [...after.values()].reduce((n, t) => n + t.rows, 0),
    tables_changed: stored.length,
    allowed_changes:
      changes
        .filter((c) => c.allowed)
        .map((c) => `${c.table} ${c.rowsBefore}→${c.rowsAfter}`)
        .join(' ') || 'none',
    server_logged_5xx: logged.requests5xx.length,
    server_error_lines: otherErrors.length,
    astro_errors_on_closed_connections: closedConnection.length,
    verdict: problems.length ? `FAILED: ${problems.length} problem(s)` : 'OK',
  });
  for (const p of problems) console.log(`  ✗ ${label}: ${p}`);
  return problems.map((p) => `${label}: ${p}`);
}

export async function run(ctx: BenchContext): Promise<void> {
  const catalogue = await loadCatalogue();
  const samples: Samples = { ...samplesFrom(catalogue), stripeWebhookSecret: WEBHOOK_SECRET };
  const routes = listApiRoutes();
  const variants = malformedRequests(routes, samples, { seed: SEED, perRoute: PER_ROUTE });
  console.log(
    `${routes.length} API routes × ${PER_ROUTE} variants (seed ${SEED}): ${routes.map((r) => r.pattern).join(', ')}`,
  );

  const problems: string[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-malformed-'));
  try {
    problems.push(
      ...(await fuzz(ctx, 'PGlite', { DATA_DIR: dataDir }, variants, samples, async (phase) =>
        phase === 'stopped' ? pgliteSnapshot(dataDir) : undefined,
      )),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(
      `PostgreSQL malformed-requests run skipped: cannot connect to ${adminUrl} (${(error as Error).message}).`,
    );
    admin.end().catch(() => undefined);
    if (problems.length)
      throw new Error(`malformed requests: ${problems.length} problem(s):\n${problems.join('\n')}`);
    return;
  }
  const name = `cnnt_bench_malformed_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.href });
  const pgDataDir = mkdtempSync(path.join(tmpdir(), 'bench-malformed-pg-'));
  try {
    await db.connect();
    problems.push(
      ...(await fuzz(
        ctx,
        'PostgreSQL',
        {
          DATA_DIR: pgDataDir,
          DATABASE_URL: url.href,
          REDIS_URL: undefined,
        },
        variants,
        samples,
        async () => snapshotTables(async (q) => (await db.query(q)).rows),
      )),
    );
  } finally {
    await db.end().catch(() => undefined);
    rmSync(pgDataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (problems.length)
    throw new Error(`malformed requests: ${problems.length} problem(s):\n${problems.join('\n')}`);
}
