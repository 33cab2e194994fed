/**
 * Fault injection (issue 14, item 8c): two server instances (a, b) on one PostgreSQL database
 * behind a round-robin proxy on this machine (127.0.0.1 only; scripts/lib/round-robin-proxy.ts,
 * which appends the client to X-Forwarded-For as nginx does, so the servers run with
 * TRUST_PROXY=1), and a second pair (c, d) on the same database with REDIS_URL behind its own
 * proxy. The database is created for the run and dropped after it; all instances share one
 * DATA_DIR (several instances on one machine), where they create the development secrets
 * together at the first order.
 *
 * Checks, each with a verdict (the run throws when one fails):
 * - 1,000 simultaneous one-unit orders from 1,000 buyers for 10 units left: exactly 10 orders;
 * - one Idempotency-Key raced on both instances: one order;
 * - Stripe webhooks (a local fake Stripe makes the Checkout Sessions): each event delivered to
 *   both instances at once is applied once, each order paid once with one "paid" message;
 * - rate limits: one client's `limit + 5` requests through the proxy pass `limit` times in all,
 *   with the counts in PostgreSQL, and on a second pair of instances (c, d; same database,
 *   own proxy) with REDIS_URL, the counts in Redis;
 * - e-mail: every instance's outbox worker drains the one table into an SMTP sink
 *   (scripts/lib/smtp-sink.ts): every message delivered exactly once;
 * - a facility link signed by either instance opens on both.
 * BENCH_DATABASE_URL / TEST_DATABASE_URL name the PostgreSQL server, BENCH_REDIS_URL the Redis
 * (default redis://127.0.0.1:6379; the Redis part is skipped with a warning when unreachable).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadCatalogue } from '~/catalogue/content-files';
import { startFakeStripe } from '~tests/commerce/fake-stripe';
import type { BenchContext } from '../lib/bench-context';
import { startSmtpSink } from '../lib/smtp-sink';
import { Checks, type Cluster, startCluster, stopCluster } from './_instances-cluster';
import { checkDelivery, checkSignedLinks } from './_instances-delivery';
import { checkLimits } from './_instances-limits';
import { checkIdempotency, checkOversell, pickSkus, type Skus } from './_instances-orders';
import { checkWebhooks } from './_instances-webhooks';

const WEBHOOK_SECRET = 'whsec_bench_instances_0123456789abcdef';

/** Whether a Redis answers PING at `url` within 2 s. */
function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
  });
}

const READY_TIMEOUT_MS = 90_000;

/**
 * Polls /readyz until 200: the first probe may find the embedded search index still building
 * (503 is "not yet", what a load balancer retries); never ready within 90 s is a failure.
 */
async function waitReady(url: string): Promise<{ ready: boolean; ms: number; notYet: string }> {
  const started = Date.now();
  let notYet = '';
  for (;;) {
    const res = await fetch(`${url}/readyz`);
    const body = (await res.json()) as { checks?: Record<string, string> };
    if (res.status === 200) return { ready: true, ms: Date.now() - started, notYet };
    notYet ||= Object.entries(body.checks ?? {})
      .filter(([, v]) => v !== 'ok')
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    if (Date.now() - started > READY_TIMEOUT_MS) return { ready: false, ms: Date.now() - started, notYet };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function readiness(clusters: Cluster[], checks: Checks): Promise<void> {
  const servers = clusters.flatMap((c) => c.servers);
  const probes = await Promise.all(servers.map((s) => waitReady(s.url)));
  const never = probes.filter((p) => !p.ready).length;
  checks.report(
    `${servers.length} instances on one database and one DATA_DIR`,
    {
      ready: probes.filter((p) => p.ready).length,
      ready_after_ms: probes.map((p) => p.ms).join(','),
      first_not_ready: probes.map((p) => p.notYet).find(Boolean) ?? '-',
    },
    never ? [`${never} instances not ready within ${READY_TIMEOUT_MS / 1000} s`] : [],
  );
}

export async function run(ctx: BenchContext): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`faults-instances skipped: cannot connect to ${adminUrl} (${(error as Error).message}).`);
    return;
  }
  const name = `cnnt_bench_instances_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-instances-'));
  const checks = new Checks(ctx);
  const db = new pg.Client({ connectionString: url.href });
  const fake = await startFakeStripe();
  const sink = await startSmtpSink({ acceptDelayMs: 5 });
  const env = {
    DATABASE_URL: url.href,
    DATA_DIR: dataDir,
    TRUST_PROXY: '1',
    STRIPE_SECRET_KEY: 'sk_test_bench_instances',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    SMTP_URL: sink.url,
    ORDERS_EMAIL: 'operators@example.vn',
  };
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const clusters: Cluster[] = [];
  try {
    const skus: Skus = pickSkus(await loadCatalogue());
    // Every instance starts before the first check: a server finding dist/ stale builds it
    // (scripts/start.ts), so none is started later in the run, when src/ may have moved on.
    console.log('  starting instances a, b (rate limits in PostgreSQL)…');
    const withPostgres = await startCluster(ctx, env, db, checks, ['a', 'b']);
    clusters.push(withPostgres);
    let withRedis: Cluster | undefined;
    if (await redisAnswers(redisUrl)) {
      console.log(`  starting instances c, d (rate limits in Redis, ${redisUrl}) on the same database…`);
      withRedis = await startCluster(ctx, { ...env, REDIS_URL: redisUrl }, db, checks, ['c', 'd']);
      clusters.push(withRedis);
    } else console.warn(`faults-instances: the Redis part is skipped, no answer at ${redisUrl}.`);
    await db.connect();
    await readiness(clusters, checks);
    await checkOversell(withPostgres, skus);
    await checkIdempotency(withPostgres, skus);
    await checkWebhooks(withPostgres, fake, WEBHOOK_SECRET, skus.untracked);
    await checkLimits(withPostgres, 'PostgreSQL store');
    if (withRedis) await checkLimits(withRedis, 'Redis store');
    await checkSignedLinks(withPostgres);
    await checkDelivery(withPostgres, sink, `${clusters.length * 2} instances running`);
    await Promise.all(clusters.splice(0).map(stopCluster));
    // A graceful stop lets a delivery under way finish: still nothing sent twice.
    await checkDelivery({ db, checks }, sink, 'after every instance stopped');
  } finally {
    await Promise.all(clusters.map((c) => stopCluster(c).catch(() => undefined)));
    await db.end().catch(() => undefined);
    await sink.close();
    await fake.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (checks.failures.length) throw new Error(`faults-instances failed:\n${checks.failures.join('\n')}`);
}
