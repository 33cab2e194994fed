/**
 * Sourcing benchmark. In process, on the catalogue under CONTENT_DIR: building the wholesale
 * offers, filtering and paging them over a fixed set of buyer queries, CSV and XLSX exports of
 * every offer, and quote requests on embedded PGlite (a 10-line basket split over 5
 * facilities, stored with its outbox messages; then a facility answer). Through the built
 * server: GET /wholesale/ with filters under 20 connections, and one full CSV export.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { loadCatalogue } from '~/catalogue/content-files';
import { openDatabase } from '~/db/client';
import { toCsv, toXlsx } from '~/sourcing/export-files';
import { offersTable } from '~/sourcing/export-table';
import { buildOffers, type Offer, offersBySku } from '~/sourcing/offers';
import { quoteRequestSchema } from '~/sourcing/quote-input';
import { planQuote } from '~/sourcing/quote-plan';
import { answerFacilityRequest, createQuote, loadFacilityRequest } from '~/sourcing/quote-service';
import { filterOffers, paginate, parseSourcingQuery } from '~/sourcing/sourcing-query';
import type { BenchContext } from '../lib/bench-context';

const QUERIES = [
  '',
  'group=food',
  'group=handicraft&level=national',
  'region=south&maxMoq=50',
  'province=ha-noi&tiers=1',
  'maxLeadDays=7&sort=price',
  'q=nuoc mam',
  'q=gom bat trang&sort=moq',
  'level=regional&maxMoq=100&tiers=1&page=3',
  'group=machinery&sort=name&page=2',
];
const ROUNDS = 30;
const QUOTES = 50;

const ms = (t0: number) => Math.round((performance.now() - t0) * 100) / 100;

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Ten in-stock lines, two per facility, of five facilities with e-mail: at their MOQ. */
function basket(offers: readonly Offer[]): { sku: string; quantity: number }[] {
  const perFacility = new Map<string, Offer[]>();
  for (const o of offers) {
    if (!o.email) continue;
    const list = perFacility.get(o.facilityId) ?? [];
    if (list.length < 2) perFacility.set(o.facilityId, [...list, o]);
  }
  const lines = [...perFacility.values()]
    .filter((l) => l.length === 2)
    .slice(0, 5)
    .flat();
  return lines.map((o) => ({ sku: o.sku, quantity: o.minOrderQuantity }));
}

async function inProcess(ctx: BenchContext): Promise<void> {
  const catalogue = await loadCatalogue();
  const asOf = todayInVietnam();
  let t0 = performance.now();
  const offers = buildOffers(catalogue, asOf);
  ctx.record('offers from the catalogue', {
    products: catalogue.data.products.length,
    offers: offers.length,
    build_ms: ms(t0),
  });

  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const qs of QUERIES) {
      t0 = performance.now();
      const { query } = parseSourcingQuery(new URLSearchParams(qs));
      paginate(filterOffers(offers, query), query.page);
      samples.push(performance.now() - t0);
    }
  }
  ctx.record(`filter + sort + page, ${QUERIES.length} queries × ${ROUNDS}`, {
    ...percentiles(samples),
    unit: 'ms',
  });

  const table = offersTable(offers, 'vi');
  t0 = performance.now();
  const csv = toCsv(table);
  const csvMs = ms(t0);
  t0 = performance.now();
  const xlsx = await toXlsx(table);
  ctx.record(`export of all ${offers.length} offers`, {
    csv_ms: csvMs,
    csv_kb: Math.round(Buffer.byteLength(csv) / 1024),
    xlsx_ms: ms(t0),
    xlsx_kb: Math.round(xlsx.length / 1024),
  });

  const lines = basket(offers);
  const plan = planQuote(lines, offersBySku(offers));
  if (!plan.ok) throw new Error(`benchmark basket is invalid: ${JSON.stringify(plan.fields)}`);
  const input = quoteRequestSchema(asOf).parse({
    items: lines,
    company: {
      name: 'Công ty Benchmark',
      taxCode: '0100109106',
      contactName: 'Người đo',
      phone: '0912345678',
      email: 'bench@example.vn',
      province: 'Hà Nội',
    },
  });
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    const ctxQuote = { siteUrl: 'http://localhost:4321', now: new Date() };
    const creates: number[] = [];
    let lastReference = '';
    for (let i = 0; i < QUOTES; i++) {
      t0 = performance.now();
      lastReference = (await createQuote(handle.db, input, plan.requests, ctxQuote)).reference;
      creates.push(performance.now() - t0);
    }
    ctx.record(
      `POST-equivalent createQuote on PGlite, ${lines.length} lines / ${plan.requests.length} facilities × ${QUOTES}`,
      { ...percentiles(creates), unit: 'ms', last: lastReference },
    );
    const request = await loadFacilityRequest(handle.db, 1);
    t0 = performance.now();
    const items = new Map(
      request!.request.items.map((i) => [
        i.id,
        { unitPrice: 100_000, quantity: i.quantity, leadTimeDays: 5 },
      ]),
    );
    await answerFacilityRequest(handle.db, 1, { kind: 'answer', message: undefined, items }, ctxQuote);
    ctx.record('facility answer on PGlite', { ms: ms(t0) });
  } finally {
    await handle.close();
  }
}

async function throughServer(ctx: BenchContext): Promise<void> {
  const server = await ctx.startServer({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-sourcing-')) });
  try {
    const url = `${server.url}/wholesale/?group=food&maxMoq=100&tiers=1&page=2`;
    await fetch(url); // warm the offer index
    const load = await ctx.load({ url, connections: 20, duration: 10 });
    ctx.record('GET /wholesale/ (filtered, page 2), 20 connections', {
      p50_ms: load.p50,
      p95_ms: load.p95,
      p99_ms: load.p99,
      rps: load.rps,
      errors: load.errors,
      non2xx: load.non2xx,
    });
    const t0 = performance.now();
    const csv = await (await fetch(`${server.url}/api/wholesale/export.csv`)).arrayBuffer();
    ctx.record('GET /api/wholesale/export.csv (all offers)', {
      ms: ms(t0),
      kb: Math.round(csv.byteLength / 1024),
    });
  } finally {
    await server.stop();
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  await inProcess(ctx);
  await throughServer(ctx);
}
