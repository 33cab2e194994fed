/**
 * Search benchmark: the embedded engine in process (index build time and memory, query
 * latency over a fixed query set) on the default sample and on 12,000 products, and
 * GET /api/search under 50 concurrent connections: through the real built server on the
 * default sample, and through the same API handler in a bare Node server on 12,000 products
 * (a full site build of 12,000 products is not needed to measure search).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { contentDir, hasCatalogue, loadCatalogue } from '~/catalogue/content-files';
import { buildSearchDocuments } from '~/search/documents';
import { EmbeddedSearchEngine } from '~/search/embedded';
import type { SearchQuery } from '~/search/types';
import type { BenchContext } from '../lib/bench-context';

const LARGE = 12_000;
const LARGE_DIR = path.resolve(`.bench/content-${LARGE}`);
const ROUNDS = 20;

/** What people type: whole words, no accents, typos, words being typed, codes, filters, orders. */
const QUERIES: Partial<SearchQuery>[] = [
  { q: 'nuoc mam' },
  { q: 'nước mắm phú quốc' },
  { q: 'nuoc mamm' },
  { q: 'nuoc m' },
  { q: 'nu' },
  { q: 'bat trang' },
  { q: 'gom' },
  { q: 'lua to tam' },
  { q: 'trà' },
  { q: 'che thai nguyen' },
  { q: 'mi' },
  { q: 'mat ong' },
  { q: 'ca phe' },
  { q: 'nuocmam' },
  { q: 'fish sauce' },
  { q: 'ha noi' },
  { q: 'QG-2023' },
  { q: '3116/QĐ-BCT' },
  { q: 'qwxzk' },
  { q: '' },
  { q: '', filters: { group: ['food'], level: ['national'] } },
  { q: '', sort: 'price-asc' },
  { q: 'gom', filters: { province: ['Hà Nội'] }, sort: 'price-desc' },
  { q: 'nuoc mam', filters: { priceMin: 50_000, priceMax: 200_000 }, sort: 'newest' },
  { q: '', filters: { region: ['south'] }, sort: 'name', page: 3 },
];

const queryOf = (p: Partial<SearchQuery>): SearchQuery => ({
  q: '',
  filters: {},
  sort: 'relevance',
  page: 1,
  limit: 20,
  ...p,
});

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A full collection, so heap numbers measure what the index keeps, not garbage. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function ensureLargeSample(): void {
  if (hasCatalogue(LARGE_DIR)) return;
  console.log(`Generating ${LARGE} products into ${LARGE_DIR}…`);
  const result = spawnSync('npm', ['run', 'sample', '--', '--products', String(LARGE), '--out', LARGE_DIR], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run sample failed with status ${result.status}`);
}

async function measureEngine(ctx: BenchContext, label: string, dir: string): Promise<void> {
  const catalogue = await loadCatalogue(dir);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const documents = buildSearchDocuments(catalogue, todayInVietnam());
  const t1 = performance.now();
  const engine = new EmbeddedSearchEngine(documents);
  const t2 = performance.now();
  collectGarbage();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const queries = QUERIES.map(queryOf);
  for (const q of queries) await engine.search(q); // warm up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      await engine.search(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  ctx.record(`search embedded ${label}`, {
    products: documents.length,
    documents_ms: Math.round(t1 - t0),
    index_ms: Math.round(t2 - t1),
    heap_mb: round2(heapMb),
    queries: times.length,
    p50_ms: round2(percentile(times, 50)),
    p95_ms: round2(percentile(times, 95)),
    p99_ms: round2(percentile(times, 99)),
    max_ms: round2(times[times.length - 1]!),
    // Latencies on a shared machine grow with its load: record it beside them.
    load_avg_1m: round2(loadavg()[0]!),
  });
}

const API_PATHS = [
  'q=nuoc+mam',
  'q=bat+trang',
  'q=nuoc+m',
  'q=tr%C3%A0&group=food',
  'q=lua+to+tam&sort=price-asc',
  'q=&level=national&page=2',
  'q=gom&province=H%C3%A0+N%E1%BB%99i',
].map((query) => ({ method: 'GET' as const, path: `/api/search?${query}` }));

async function loadApi(ctx: BenchContext, label: string, url: string): Promise<void> {
  const result = await ctx.load({ url, connections: 50, duration: 10, requests: API_PATHS });
  ctx.record(`search api ${label}`, { connections: 50, ...result, load_avg_1m: round2(loadavg()[0]!) });
}

/** GET /api/search through its handler in a bare Node server of its own (_search-server.ts). */
async function loadBareHandler(ctx: BenchContext, label: string, dir: string): Promise<void> {
  const child = spawn('npx', ['tsx', 'scripts/bench/_search-server.ts'], {
    env: { ...process.env, CONTENT_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening (\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`search server exited with ${code}`)));
    });
    await loadApi(ctx, label, `http://127.0.0.1:${port}`);
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const defaultDir = contentDir();
  if (!existsSync(defaultDir) || !hasCatalogue(defaultDir))
    throw new Error(`No catalogue in ${defaultDir}: run npm run sample first.`);
  await measureEngine(ctx, 'default sample', defaultDir);
  ensureLargeSample();
  await measureEngine(ctx, `${LARGE} products`, LARGE_DIR);

  await loadBareHandler(ctx, `handler only, ${LARGE} products`, LARGE_DIR);
  const server = await ctx.startServer({});
  try {
    await loadApi(ctx, 'built site, default sample', server.url);
  } finally {
    await server.stop();
  }
}
