/**
 * Fault injection (issue 14, item 8a): a stream of orders while the server is killed with
 * SIGKILL and restarted, three times, on embedded PGlite and on PostgreSQL (a database created
 * for the run and dropped after it). Eight clients order back to back, each order with its own
 * Idempotency-Key, a buyer e-mail (so the outbox fills) and, in about half of them, a SKU whose
 * stock is tracked; a request the kill cut off is sent again with the same key after the
 * restart (_kill-stream.ts). After the last round the server stops gracefully and the database
 * is read directly (_kill-audit.ts): every order answered 201 is there once, with its stock
 * taken; no stock went without an order; every message of every order is delivered.
 * BENCH_SEED=<n> replays a run's choices (which SKUs, when to kill).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Catalogue, isSellable, todayInVietnam } from '~/catalogue';
import { loadCatalogue } from '~/catalogue/content-files';
import { openDatabase } from '~/db/client';
import { lockFileOf, lockHolder } from '~/db/folder-lock';
import type { BenchContext, BenchServer } from '../lib/bench-context';
import { snapshotBuild } from '../lib/build-snapshot';
import { type Audit, auditKillRun } from './_kill-audit';
import { type OrderBody, OrderStream, ServerGate } from './_kill-stream';

const CLIENTS = 8;
const KILLS = 3;
/** Orders answered 201 in a round before its kill may fall, then up to KILL_JITTER_MS more. */
const MIN_ORDERS_PER_ROUND = 25;
const KILL_JITTER_MS = 4_000;
const FINAL_ROUND_ORDERS = 40;
const OUTBOX_WAIT_MS = 30_000;
const START_TIMEOUT_MS = 180_000;
const STALL_MS = 120_000;

/** mulberry32: small, seedable, good enough to pick SKUs and moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  untracked: string[];
  tracked: Map<string, number>;
  facilityOf: Map<string, string>;
}

/** Sellable in-stock SKUs, one per facility: 6 without stock tracking, 8 tracking 40+ units. */
function pickSkus(catalogue: Catalogue): Pools {
  const asOf = todayInVietnam(new Date());
  const untracked = new Map<string, string>();
  const tracked = new Map<string, string>();
  const pools: Pools = { untracked: [], tracked: new Map(), facilityOf: new Map() };
  for (const { variant, product } of catalogue.variantBySku.values()) {
    if (variant.availability !== 'in_stock' || !isSellable(catalogue, product.id, asOf)) continue;
    const facility = product.facilityId;
    if (untracked.has(facility) || tracked.has(facility)) continue;
    if (variant.stock === undefined && untracked.size < 6) untracked.set(facility, variant.sku);
    else if (variant.stock !== undefined && variant.stock >= 40 && tracked.size < 8) {
      tracked.set(facility, variant.sku);
      pools.tracked.set(variant.sku, variant.stock);
    } else continue;
    pools.facilityOf.set(variant.sku, facility);
  }
  pools.untracked = [...untracked.values()];
  if (pools.untracked.length < 6 || pools.tracked.size < 8)
    throw new Error('not enough in-stock SKUs to order');
  return pools;
}

function orderMaker(pools: Pools, runId: string, rand: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const tracked = [...pools.tracked.keys()];
  return (n: number): { key: string; body: OrderBody } => {
    const key = `kill-${runId}-${n}`;
    const items = [{ sku: pick(pools.untracked), quantity: 1 + Math.floor(rand() * 2) }];
    if (rand() < 0.5) items.push({ sku: pick(tracked), quantity: 1 + Math.floor(rand() * 2) });
    return {
      key,
      body: {
        items,
        buyer: {
          name: 'Khách Benchmark',
          phone: '0912345678',
          email: `buyer.${runId}.${n}@example.com`,
          address: '1 Tràng Tiền, phường Hoàn Kiếm',
          province: 'Hà Nội',
          // The key, so the audit can tell which request made which stored order.
          notes: key,
        },
        paymentMethod: 'cod',
      },
    };
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server on the run's copy of the build (env.ASTRO_OUT_DIR), never rebuilding: a
 * restart is timed from spawn to serving. Ready within START_TIMEOUT_MS or fails.
 */
async function startWithin(ctx: BenchContext, env: Record<string, string>): Promise<BenchServer> {
  const starting = ctx.startServer(env, 'scripts/bench/_serve-built.ts');
  starting.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`server not ready within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
  });
  return Promise.race([starting, timeout]).finally(() => clearTimeout(timer));
}

function mailboxCount(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
}

/** Waits for the mailbox to hold `expected` messages, or to stop growing for 5 s; at most OUTBOX_WAIT_MS. */
async function waitForMailbox(dir: string, expected: number): Promise<number> {
  const start = performance.now();
  let last = -1;
  let stableSince = start;
  while (performance.now() - start < OUTBOX_WAIT_MS) {
    const n = mailboxCount(dir);
    if (n >= expected) break;
    if (n !== last) [last, stableSince] = [n, performance.now()];
    else if (performance.now() - stableSince > 5_000) break;
    await pause(250);
  }
  return Math.round(performance.now() - start);
}

/** Waits for `count` more orders answered 201; a stream that stalls fails the run. */
async function moreOrders(stream: OrderStream, count: number): Promise<void> {
  const floor = stream.created() + count;
  const deadline = performance.now() + STALL_MS;
  while (stream.created() < floor) {
    if (performance.now() > deadline)
      throw new Error(`no order answered 201 for ${STALL_MS / 1000} s: ${stream.created()} so far`);
    await pause(50);
  }
}

async function waitForUnlock(folder: string): Promise<void> {
  for (let i = 0; i < 120 && lockHolder(folder); i++) await pause(250);
}

/** After a failed restart: can this process open the PGlite folder the killed server left? */
async function diagnose(folder: string): Promise<string> {
  await waitForUnlock(folder);
  const holder = lockHolder(folder);
  if (holder) return `folder still locked by pid ${holder.pid} (${holder.role})`;
  try {
    const handle = await openDatabase({ pgliteDir: folder });
    await handle.close();
    return 'the folder opens in the bench process (the restart failed elsewhere)';
  } catch (error) {
    return `the folder does not open either: ${(error as Error).message}`;
  }
}

async function runScenario(
  ctx: BenchContext,
  label: string,
  env: Record<string, string>,
  databaseUrl: string | undefined,
  catalogue: Catalogue,
): Promise<void> {
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
  const rand = random(seed);
  const pools = pickSkus(catalogue);
  const dataDir = env.DATA_DIR!;
  const pgliteFolder = path.join(dataDir, 'pglite');
  const serverEnv = { ...env, TRUST_PROXY: '1', ORDERS_EMAIL: 'orders@example.com' };
  console.log(`${label}: seed ${seed}, ${CLIENTS} clients, DATA_DIR ${dataDir}`);

  const gate = new ServerGate();
  const coldStart = performance.now();
  let server = await startWithin(ctx, serverEnv);
  const coldStartMs = Math.round(performance.now() - coldStart);
  gate.up(server.url);
  const stream = new OrderStream(gate, orderMaker(pools, String(seed), rand));
  stream.start(CLIENTS);
  const readyMs: number[] = [];
  const firstOrderMs: number[] = [];
  const staleLocks: string[] = [];
  try {
    for (let kill = 1; kill <= KILLS; kill++) {
      await moreOrders(stream, MIN_ORDERS_PER_ROUND);
      await pause(Math.floor(rand() * KILL_JITTER_MS));
      gate.down();
      const atKill = stream.created();
      await server.kill('SIGKILL');
      if (!databaseUrl) staleLocks.push(existsSync(lockFileOf(pgliteFolder)) ? 'left' : 'gone');
      const t0 = performance.now();
      try {
        server = await startWithin(ctx, serverEnv);
      } catch (error) {
        throw new Error(`${label}: restart after kill ${kill} failed: ${(error as Error).message}`);
      }
      const up = performance.now();
      readyMs.push(Math.round(up - t0));
      gate.up(server.url);
      await moreOrders(stream, 1);
      firstOrderMs.push(Math.round(stream.firstCreatedAfter(up)! - t0));
      console.log(
        `${label}: kill ${kill} after ${atKill} orders answered 201; ready again in ${readyMs.at(-1)} ms, next 201 at ${firstOrderMs.at(-1)} ms`,
      );
    }
    await moreOrders(stream, FINAL_ROUND_ORDERS);
    await stream.stop();
  } catch (error) {
    stream.abandon();
    gate.up(server.url);
    if (!databaseUrl) console.error(`${label}: ${await diagnose(pgliteFolder)}`);
    throw error;
  }

  const created = stream.outcomes.filter((o) => o.status === 201);
  const expectedMessages = created.reduce(
    (n, o) => n + 1 + new Set(o.body.items.map((i) => pools.facilityOf.get(i.sku))).size,
    0,
  );
  const mailbox = path.join(dataDir, 'outbox');
  const waitedMs = await waitForMailbox(mailbox, expectedMessages);
  const mailedBeforeStop = mailboxCount(mailbox);
  await server.stop();
  console.log(`${label}: ${created.length} orders answered 201; server stopped, auditing the database`);

  if (!databaseUrl) await waitForUnlock(pgliteFolder);
  const handle = await openDatabase(databaseUrl ? { url: databaseUrl } : { pgliteDir: pgliteFolder });
  let audit: Audit;
  try {
    audit = await auditKillRun(handle.db, {
      outcomes: stream.outcomes,
      initialStock: pools.tracked,
      mailbox,
    });
  } finally {
    await handle.close();
  }
  report(ctx, label, {
    stream,
    audit,
    coldStartMs,
    readyMs,
    firstOrderMs,
    staleLocks,
    expectedMessages,
    mailedBeforeStop,
    waitedMs,
  });
}

const resultName = (label: string) => `SIGKILL ×${KILLS} under an order stream, ${label}`;

function report(
  ctx: BenchContext,
  label: string,
  run: {
    stream: OrderStream;
    audit: Audit;
    coldStartMs: number;
    readyMs: number[];
    firstOrderMs: number[];
    staleLocks: string[];
    expectedMessages: number;
    mailedBeforeStop: number;
    waitedMs: number;
  },
): void {
  const { stream, audit } = run;
  const count = (test: (o: (typeof stream.outcomes)[number]) => boolean) =>
    stream.outcomes.filter(test).length;
  const problems = Object.entries(audit.problems).filter(([, n]) => n > 0);
  const verdict = problems.length
    ? `FAILED: ${problems.map(([name, n]) => `${name}=${n}`).join(', ')}`
    : 'OK';
  ctx.record(resultName(label), {
    keys: stream.outcomes.length,
    created_201: count((o) => o.status === 201),
    out_of_stock_409: count((o) => o.status === 409),
    retries: stream.retries,
    keys_retried: count((o) => o.attempts > 1),
    replayed_201: count((o) => o.replayed),
    restarts: run.readyMs.length,
    cold_start_ms: run.coldStartMs,
    ready_ms: run.readyMs.join('/'),
    first_201_ms: run.firstOrderMs.join('/'),
    ...(run.staleLocks.length ? { stale_lock_after_kill: run.staleLocks.join('/') } : {}),
    failed_attempts: [...stream.failures].map(([why, n]) => `${why}:${n}`).join(' ') || 'none',
    messages_expected: run.expectedMessages,
    mailed_before_stop: run.mailedBeforeStop,
    outbox_wait_ms: run.waitedMs,
    ...audit.figures,
    ...audit.problems,
    verdict,
  });
  for (const line of audit.details) console.log(`  ${line}`);
  if (problems.length) throw new Error(`faults-kill ${label}: ${verdict}`);
}

export async function run(ctx: BenchContext): Promise<void> {
  const build = await snapshotBuild();
  try {
    await runBoth(ctx, build.dir);
  } finally {
    build.remove();
  }
}

async function runBoth(ctx: BenchContext, buildDir: string): Promise<void> {
  const catalogue = await loadCatalogue();
  const failures: string[] = [];
  /** Runs one database's scenario; its data folder is kept only when it fails (the evidence). */
  const attempt = async (label: string, env: Record<string, string>, url?: string) => {
    try {
      await runScenario(ctx, label, env, url, catalogue);
      rmSync(env.DATA_DIR!, { recursive: true, force: true });
    } catch (error) {
      const message = (error as Error).message;
      console.error(`${message} (data kept in ${env.DATA_DIR})`);
      failures.push(message);
      if (!ctx.results[resultName(label)]) ctx.record(resultName(label), { verdict: `FAILED: ${message}` });
    }
  };
  await attempt('PGlite', {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-kill-')),
    ASTRO_OUT_DIR: buildDir,
  });

  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    failures.push(`PostgreSQL: cannot connect to ${adminUrl} (${(error as Error).message})`);
    throw new Error(`faults-kill failed:\n${failures.join('\n')}`);
  }
  const name = `cnnt_bench_kill_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const env = {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-kill-pg-')),
      DATABASE_URL: url.href,
      ASTRO_OUT_DIR: buildDir,
    };
    await attempt('PostgreSQL', env, url.href);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (failures.length) throw new Error(`faults-kill failed:\n${failures.join('\n')}`);
}
