/**
 * Fault injection (issue 14, item 8b): PostgreSQL restarted under load. The built server runs
 * on a private PostgreSQL cluster (../lib/private-postgres.ts: the machine's shared server is
 * never touched) while clients place COD orders (a stock-tracked SKU in each), look orders up,
 * verify certificates and poll /readyz (_pg-restart-load.ts). PostgreSQL is stopped twice,
 * `pg_ctl stop -m fast` and then `-m immediate` (a crash), kept down DOWN_MS and started again.
 *
 * Must hold: /readyz answers 503 while the database is down and 200 after; every request is
 * answered (no connection reset), within 10 s, and never with a 5xx other than 503; orders are
 * created again after the restart. Keys the outages left without an answer are sent once more
 * with the same Idempotency-Key, as a client would, and then the database is audited
 * (_pg-restart-audit.ts): each key made at most one order, every 201 is stored, every stored
 * order is whole (shipments, items, payment) and the stock taken equals the units ordered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Catalogue, isSellable, todayInVietnam } from '~/catalogue';
import { loadCatalogue } from '~/catalogue/content-files';
import type { BenchContext } from '../lib/bench-context';
import { buildIsFresh } from '../lib/build-freshness';
import { type PrivatePostgres, type StopMode, startPrivatePostgres } from '../lib/private-postgres';
import { auditRestartRun, type KeyFinal } from './_pg-restart-audit';
import { type Answer, BUYER_PHONE, type OrderBody, RestartLoad } from './_pg-restart-load';
import { causeOutage, type Outage, outageFigures } from './_pg-restart-outage';

const OUTAGES: StopMode[] = ['fast', 'immediate'];
const DOWN_MS = 5_000;
/** Orders answered 201 before the first outage, and load kept up after each recovery. */
const WARM_ORDERS = 20;
const AFTER_RECOVERY_MS = 4_000;
const MAX_LATENCY_MS = 10_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Skus {
  tracked: Map<string, number>;
  untracked: string[];
  facilityOf: Map<string, string>;
}

/** Sellable in-stock SKUs, one per facility: 40 tracking 40+ units, 4 untracked. */
function pickSkus(catalogue: Catalogue): Skus {
  const asOf = todayInVietnam(new Date());
  const skus: Skus = { tracked: new Map(), untracked: [], facilityOf: new Map() };
  for (const { variant, product } of catalogue.variantBySku.values()) {
    if (variant.availability !== 'in_stock' || !isSellable(catalogue, product.id, asOf)) continue;
    if ([...skus.facilityOf.values()].includes(product.facilityId)) continue;
    if (variant.stock === undefined && skus.untracked.length < 4) skus.untracked.push(variant.sku);
    else if (variant.stock !== undefined && variant.stock >= 40 && skus.tracked.size < 40)
      skus.tracked.set(variant.sku, variant.stock);
    else continue;
    skus.facilityOf.set(variant.sku, product.facilityId);
  }
  if (skus.untracked.length < 4 || skus.tracked.size < 40) throw new Error('not enough in-stock SKUs');
  return skus;
}

function orderMaker(skus: Skus, runId: string, bodies: Map<string, OrderBody>) {
  const tracked = [...skus.tracked.keys()];
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  return (n: number) => {
    const key = `pgrestart-${runId}-${n}`;
    const body: OrderBody = {
      items: [
        { sku: pick(tracked), quantity: 1 },
        { sku: pick(skus.untracked), quantity: 1 },
      ],
      buyer: {
        name: 'Khách Benchmark',
        phone: BUYER_PHONE,
        address: '1 Tràng Tiền, phường Hoàn Kiếm',
        province: 'Hà Nội',
        notes: key,
      },
      paymentMethod: 'cod',
    };
    bodies.set(key, body);
    return { key, body };
  };
}

async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error(`${what} within ${timeoutMs} ms`);
    await pause(50);
  }
}

const latency = (a: Answer) => a.endedAt - a.startedAt;

/** What must never be answered, over the whole run (outages included; latency after the warm-up). */
function answerProblems(answers: readonly Answer[], created: ReadonlySet<string>, warmedAt: number) {
  const wrong4xx = (a: Answer) =>
    a.status >= 400 &&
    a.status < 500 &&
    !(a.kind === 'order' && a.status === 409 && a.code === 'out_of_stock') &&
    // A lookup may be for an order a retry later made: only a 404 for a known order is wrong.
    !(a.kind === 'lookup' && a.status === 404 && !created.has(a.orderNumber ?? ''));
  return {
    server_errors_not_503: answers.filter((a) => a.status >= 500 && a.status !== 503).length,
    no_answer: answers.filter((a) => a.status === 0).length,
    slower_than_10s: answers.filter((a) => a.startedAt >= warmedAt && latency(a) > MAX_LATENCY_MS).length,
    wrong_4xx: answers.filter(wrong4xx).length,
  };
}

function describeBad(answers: readonly Answer[]): string[] {
  return answers
    .filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503))
    .slice(0, 8)
    .map(
      (a) =>
        `${a.kind} ${a.status || a.failure} ${a.code ?? ''} after ${Math.round(a.endedAt - a.startedAt)} ms`,
    );
}

async function scenario(
  ctx: BenchContext,
  cluster: PrivatePostgres,
  catalogue: Catalogue,
  dataDir: string,
): Promise<void> {
  const skus = pickSkus(catalogue);
  const certificates = catalogue.data.certificates.slice(0, 50).map((c) => c.id);
  const bodies = new Map<string, OrderBody>();
  const runId = String(Date.now() % 1_000_000);
  const server = await ctx.startServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir, TRUST_PROXY: '1' });
  const load = new RestartLoad(server.url, orderMaker(skus, runId, bodies), certificates);
  const outages: Outage[] = [];
  let warmUpMs: number;
  try {
    warmUpMs = await load.warmUp();
    load.start();
    await until(() => load.created.length >= WARM_ORDERS, 120_000, `no ${WARM_ORDERS} orders`);
    console.log(`PostgreSQL ${cluster.url}: ${load.created.length} orders before the first outage`);
    for (const mode of OUTAGES) {
      const outage = await causeOutage(cluster, load, mode, DOWN_MS);
      outages.push(outage);
      const f = outageFigures(outage, load.answers);
      console.log(
        `stop -m ${mode}: readyz 503 after ${f.readyz_503_after_stop_ms} ms, 200 ${f.readyz_200_after_start_ms} ms after start, first 201 at ${f.first_201_after_start_ms} ms`,
      );
      await pause(AFTER_RECOVERY_MS);
    }
  } finally {
    await load.stop();
  }

  // Keys left without a final answer are sent again, once, as the client would.
  const last = new Map<string, Answer>();
  for (const a of load.answers) if (a.kind === 'order' && a.key) last.set(a.key, a);
  let retried = 0;
  for (const [key, answer] of last) {
    if (answer.status === 201 || answer.status === 409) continue;
    retried++;
    last.set(key, await load.sendOrder(key, bodies.get(key)!));
  }
  await server.stop();

  const finals: KeyFinal[] = [...last].map(([key, a]) => ({
    key,
    body: bodies.get(key)!,
    status: a.status,
    code: a.code,
    orderNumber: a.orderNumber,
  }));
  const audit = await auditRestartRun(cluster.url, finals, skus.tracked, skus.facilityOf);
  const created = new Set(finals.filter((f) => f.status === 201).map((f) => f.orderNumber!));
  const bad = answerProblems(load.answers, created, load.warmedAt);

  const problems: Record<string, number> = { ...bad, ...audit.problems };
  for (const outage of outages) {
    const f = outageFigures(outage, load.answers);
    ctx.record(`PostgreSQL stop -m ${outage.mode}, ${DOWN_MS / 1000} s down, under load`, { ...f });
    const label = `_${outage.mode}`;
    problems[`readyz_no_503${label}`] = f.readyz_503_after_stop_ms < 0 ? 1 : 0;
    problems[`readyz_200_while_down${label}`] = f.readyz_200_while_down;
    problems[`readyz_not_back${label}`] = f.readyz_200_after_start_ms < 0 ? 1 : 0;
    problems[`no_201_after${label}`] = f.first_201_after_start_ms < 0 ? 1 : 0;
  }
  const failed = Object.entries(problems).filter(([, n]) => n > 0);
  const verdict = failed.length ? `FAILED: ${failed.map(([k, n]) => `${k}=${n}`).join(', ')}` : 'OK';
  const count = (kind: string, test: (a: Answer) => boolean = () => true) =>
    load.answers.filter((a) => a.kind === kind && test(a)).length;
  ctx.record('PostgreSQL restarted under load (fast, then immediate), totals', {
    requests: load.answers.length,
    orders_sent: count('order'),
    orders_201: count('order', (a) => a.status === 201),
    orders_503: count('order', (a) => a.status === 503),
    lookups: count('lookup'),
    verifies: count('verify'),
    readyz_polls: count('readyz'),
    keys_retried: retried,
    // Retries answered from the stored 201: the first request had committed before its 503.
    retries_replayed: count('order', (a) => a.replayed === true),
    warm_up_ms: warmUpMs,
    max_latency_ms: Math.round(
      Math.max(...load.answers.filter((a) => a.startedAt >= load.warmedAt).map(latency)),
    ),
    ...audit.figures,
    ...bad,
    ...audit.problems,
    verdict,
  });
  for (const line of [...describeBad(load.answers), ...audit.details]) console.log(`  ${line}`);
  if (failed.length) throw new Error(`faults-postgres: ${verdict}`);
}

export async function run(ctx: BenchContext): Promise<void> {
  if (!buildIsFresh())
    throw new Error(
      'dist/ is older than its inputs (src/ changed since the build): run `npm run build` first',
    );
  const started = await startPrivatePostgres();
  if (!started.ok) {
    console.log(`faults-postgres skipped: ${started.reason}`);
    return;
  }
  const catalogue = await loadCatalogue();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pg-restart-'));
  try {
    await scenario(ctx, started.cluster, catalogue, dataDir);
  } finally {
    await started.cluster.destroy();
    // The server's own process may outlive the npx at its group's head by a moment: retry.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  }
}
