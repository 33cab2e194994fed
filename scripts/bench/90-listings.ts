/**
 * Listings kept by facilities (issue 17, "Speed"): two servers on one PostgreSQL database (made
 * for the run and dropped after it, ../lib/bench-database.ts), 50 facilities with API tokens.
 *
 * 1. The live layer's cost: GET /api/products/{id} over the 50 products, p95 with nothing saved,
 *    then again once every one of the 50 has a saved listing (the catalogue view is rebuilt per
 *    change, not per request). Target: at most +5 ms p95.
 * 2. Save to seen: the 50 facilities save at once, ROUNDS times each, each
 *    `PUT /api/facility/listings/{id}` to one server; from its 200 the time until the OTHER
 *    server shows the new price on `/api/products/{id}` and on the product page's live part.
 *    Target: p95 ≤ 5 s, typically under 1 s.
 * Every saved price is checked on both servers at the end; the run throws if one is wrong.
 */
import { loadavg } from 'node:os';
import { formatNumber } from '~/i18n/format';
import type { BenchContext } from '../lib/bench-context';
import { createBenchDatabase } from '../lib/bench-database';
import { benchFacilities, createTokens } from './_listings-data';

const FACILITIES = Number(process.env.BENCH_LISTING_FACILITIES ?? 50);
const ROUNDS = Number(process.env.BENCH_LISTING_ROUNDS ?? 6);
const POLL_MS = 25;
const GIVE_UP_MS = 15_000;
const TARGET_SEEN_P95_MS = 5_000;
const TARGET_ADDED_P95_MS = 5;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round = (ms: number) => Math.round(ms);

async function until(check: () => Promise<boolean>, started: number): Promise<number> {
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > GIVE_UP_MS) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function priceOnApi(server: string, productId: string, sku: string): Promise<number | undefined> {
  const response = await fetch(`${server}/api/products/${productId}/`);
  if (!response.ok) return undefined;
  const body = (await response.json()) as { listing: { variants: { sku: string; price: number }[] } | null };
  return body.listing?.variants.find((v) => v.sku === sku)?.price;
}

async function pageShows(server: string, productId: string, price: number): Promise<boolean> {
  const response = await fetch(`${server}/products/${productId}/live/`);
  return response.ok && (await response.text()).includes(formatNumber(price, 'vi'));
}

export async function run(ctx: BenchContext): Promise<void> {
  const created = await createBenchDatabase('listings');
  if (!created.ok) {
    console.warn(`Listings benchmark skipped: ${created.reason}.`);
    return;
  }
  const { url, drop } = created.database;
  try {
    const load = loadavg()[0]!.toFixed(2);
    const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
    const [one, two] = [await ctx.startServer(env), await ctx.startServer(env)];
    const picks = await benchFacilities(FACILITIES);
    const tokens = await createTokens(url, picks);
    console.log(`  ${picks.length} facilities, 2 servers on PostgreSQL, load average ${load}`);

    const apiPaths = picks.map((p) => `/api/products/${p.productId}/`);
    const readLoad = async () =>
      ctx.load({
        url: two!.url,
        connections: 8,
        duration: 10,
        requests: apiPaths.map((path) => ({ method: 'GET', path })),
      });
    await readLoad(); // warm-up
    const before = await readLoad();

    const seenApi: number[] = [];
    const seenPage: number[] = [];
    const failures: string[] = [];
    const finalPrice = new Map<string, number>();
    const saveStarted = performance.now();
    await Promise.all(
      picks.map(async (pick, i) => {
        for (let roundNo = 1; roundNo <= ROUNDS; roundNo++) {
          const price = pick.variant.price + roundNo * 1_000 + i;
          const body = pick.body(price);
          const writer = roundNo % 2 === 0 ? two! : one!;
          const reader = writer === one ? two! : one!;
          const response = await fetch(`${writer.url}/api/facility/listings/${pick.productId}`, {
            method: 'PUT',
            headers: {
              authorization: `Bearer ${tokens.get(pick.facilityId)}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify(body),
          });
          if (response.status !== 200) {
            failures.push(
              `PUT ${pick.productId}: ${response.status} ${(await response.text()).slice(0, 200)}`,
            );
            continue;
          }
          const saved = performance.now();
          const [api, page] = await Promise.all([
            until(
              async () => (await priceOnApi(reader.url, pick.productId, pick.variant.sku)) === price,
              saved,
            ),
            until(() => pageShows(reader.url, pick.productId, price), saved),
          ]);
          seenApi.push(api);
          seenPage.push(page);
          finalPrice.set(pick.productId, price);
        }
      }),
    );
    const saveSeconds = (performance.now() - saveStarted) / 1000;
    const after = await readLoad();

    for (const pick of picks)
      for (const server of [one!, two!]) {
        const shown = await priceOnApi(server.url, pick.productId, pick.variant.sku);
        if (shown !== finalPrice.get(pick.productId))
          failures.push(
            `${server.url} shows ${shown} for ${pick.productId}, saved ${finalPrice.get(pick.productId)}`,
          );
      }

    const sortedApi = [...seenApi].sort((a, b) => a - b);
    const sortedPage = [...seenPage].sort((a, b) => a - b);
    ctx.record('listings save → seen on the other server', {
      saves: seenApi.length,
      facilities: picks.length,
      seconds: Math.round(saveSeconds * 10) / 10,
      apiP50ms: round(percentile(sortedApi, 50)),
      apiP95ms: round(percentile(sortedApi, 95)),
      apiMaxMs: round(sortedApi.at(-1) ?? Number.NaN),
      pageP50ms: round(percentile(sortedPage, 50)),
      pageP95ms: round(percentile(sortedPage, 95)),
      pageMaxMs: round(sortedPage.at(-1) ?? Number.NaN),
      targetP95ms: TARGET_SEEN_P95_MS,
      loadAverage: load,
    });
    ctx.record('listings live layer on GET /api/products/{id}', {
      p95NothingSavedMs: before.p95,
      p95AllSavedMs: after.p95,
      addedP95Ms: Math.round((after.p95 - before.p95) * 100) / 100,
      rpsNothingSaved: before.rps,
      rpsAllSaved: after.rps,
      non2xx: before.non2xx + after.non2xx,
      targetAddedP95Ms: TARGET_ADDED_P95_MS,
    });
    if (failures.length > 0)
      throw new Error(`listings benchmark found wrong answers:\n${failures.slice(0, 20).join('\n')}`);
  } finally {
    await ctx.cleanup();
    await drop();
  }
}
