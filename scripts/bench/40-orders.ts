/**
 * Orders benchmark against the built server: POST /api/orders latency (p50/p95/p99) and
 * throughput at 20 concurrent connections, on embedded PGlite and on PostgreSQL (a database
 * created for the run and dropped after it; BENCH_DATABASE_URL or TEST_DATABASE_URL names the
 * server, else postgres://postgres@127.0.0.1:5432/postgres). Then the oversell check: 1,000
 * simultaneous one-unit orders for a SKU with 10 units left must make exactly 10 orders.
 * Every order comes from its own address: the server trusts one proxy hop (TRUST_PROXY=1) and
 * the benchmark plays that proxy, sending `X-Forwarded-For: <client>` as nginx would append it.
 * Many buyers, as in production, so the per-client order limit measures nothing here.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Catalogue } from '~/catalogue/catalogue';
import { loadCatalogue } from '~/catalogue/content-files';
import type { BenchContext } from '../lib/bench-context';

const CONNECTIONS = 20;
const BURST = 1_000;
const LEFT = 10;

let lastClient = 0;
/** A client address nobody has used yet in this run (10.x.y.z). */
function nextClient(): string {
  lastClient += 1;
  return `10.${(lastClient >> 16) & 255}.${(lastClient >> 8) & 255}.${lastClient & 255}`;
}

const buyer = {
  name: 'Khách Benchmark',
  phone: '0912345678',
  address: '1 Tràng Tiền, phường Hoàn Kiếm',
  province: 'Hà Nội',
};

/** Two untracked in-stock SKUs of two facilities: the load never runs out of stock. */
function loadItems(catalogue: Catalogue): { sku: string; quantity: number }[] {
  const picked = new Map<string, string>();
  for (const { variant, product } of catalogue.variantBySku.values()) {
    if (variant.availability === 'in_stock' && variant.stock === undefined && !picked.has(product.facilityId))
      picked.set(product.facilityId, variant.sku);
    if (picked.size === 2) break;
  }
  return [...picked.values()].map((sku) => ({ sku, quantity: 1 }));
}

function trackedSku(catalogue: Catalogue): { sku: string; productId: string; stock: number } {
  for (const { variant, product } of catalogue.variantBySku.values()) {
    if (variant.availability === 'in_stock' && variant.stock !== undefined && variant.stock >= LEFT)
      return { sku: variant.sku, productId: product.id, stock: variant.stock };
  }
  throw new Error(`no SKU tracks at least ${LEFT} units of stock`);
}

async function order(url: string, items: { sku: string; quantity: number }[]): Promise<Response> {
  return fetch(`${url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClient() },
    body: JSON.stringify({ items, buyer, paymentMethod: 'cod' }),
  });
}

async function measure(
  ctx: BenchContext,
  label: string,
  env: Record<string, string>,
  catalogue: Catalogue,
): Promise<void> {
  const server = await ctx.startServer({ ...env, TRUST_PROXY: '1' });
  try {
    const items = loadItems(catalogue);
    // Warm up: first use migrates and seeds stock.
    const warm = await order(server.url, items);
    if (warm.status !== 201) throw new Error(`warm-up order failed: ${warm.status} ${await warm.text()}`);
    const load = await ctx.load({
      url: `${server.url}/api/orders`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items, buyer, paymentMethod: 'cod' }),
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': nextClient() },
          }),
        },
      ],
      connections: CONNECTIONS,
      duration: 10,
    });
    ctx.record(`POST /api/orders, ${CONNECTIONS} connections, ${label}`, {
      p50_ms: load.p50,
      p95_ms: load.p95,
      p99_ms: load.p99,
      orders_per_s: load.rps,
      errors: load.errors,
      non2xx: load.non2xx,
    });

    // Bring the tracked SKU down to exactly LEFT units, then race BURST buyers for them.
    const tracked = trackedSku(catalogue);
    const product = (await (await fetch(`${server.url}/api/products/${tracked.productId}`)).json()) as {
      listing: { variants: { sku: string; stock: number }[] };
    };
    const now = product.listing.variants.find((v) => v.sku === tracked.sku)!.stock;
    if (now > LEFT) {
      const res = await order(server.url, [{ sku: tracked.sku, quantity: now - LEFT }]);
      if (res.status !== 201)
        throw new Error(`could not take stock down to ${LEFT}: ${res.status} ${await res.text()}`);
    }
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: BURST }, () =>
        order(server.url, [{ sku: tracked.sku, quantity: 1 }]).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const count = (s: number) => statuses.filter((x) => x === s).length;
    const after = (await (
      await fetch(`${server.url}/api/products/${tracked.productId}`)
    ).json()) as typeof product;
    const left = after.listing.variants.find((v) => v.sku === tracked.sku)!.stock;
    ctx.record(`${BURST} concurrent orders for ${LEFT} units, ${label}`, {
      created_201: count(201),
      out_of_stock_409: count(409),
      other: BURST - count(201) - count(409),
      stock_left: left,
      seconds: Math.round(seconds * 10) / 10,
      verdict: count(201) === LEFT && left === 0 ? 'exactly 10 orders' : 'OVERSOLD OR LOST ORDERS',
    });
  } finally {
    await server.stop();
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const catalogue = await loadCatalogue();
  await measure(ctx, 'PGlite', { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-orders-')) }, catalogue);

  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(
      `PostgreSQL orders benchmark skipped: cannot connect to ${adminUrl} (${(error as Error).message}).`,
    );
    return;
  }
  const name = `cnnt_bench_orders_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await measure(
      ctx,
      'PostgreSQL',
      { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-orders-pg-')), DATABASE_URL: url.href },
      catalogue,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
