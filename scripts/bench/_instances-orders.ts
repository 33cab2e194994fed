/**
 * Orders across two instances (62-faults-instances): the oversell race through the proxy and
 * one Idempotency-Key raced on both instances.
 */
import { type Catalogue, isSellable, todayInVietnam } from '~/catalogue';
import { buyer, type Cluster, call, nextClient, perInstance, statusTally } from './_instances-cluster';

const BURST = 1_000;
const LEFT = 10;
/** The largest quantity one order line may ask for. */
const MAX_LINE = 1_000;
const IDEMPOTENT_COPIES = 8;

export interface Skus {
  /** Sellable, in stock, stock not tracked: orders never run out. */
  untracked: string;
  tracked: { sku: string; productId: string };
}

export function pickSkus(catalogue: Catalogue): Skus {
  const asOf = todayInVietnam(new Date());
  let untracked: string | undefined;
  let tracked: Skus['tracked'] | undefined;
  for (const { variant, product } of catalogue.variantBySku.values()) {
    if (variant.availability !== 'in_stock' || !isSellable(catalogue, product.id, asOf)) continue;
    if (variant.stock === undefined) untracked ??= variant.sku;
    else if (variant.stock >= LEFT) tracked ??= { sku: variant.sku, productId: product.id };
    if (untracked && tracked) return { untracked, tracked };
  }
  throw new Error('the catalogue has no sellable untracked SKU or none tracking 10+ units');
}

async function unitsLeft(cluster: Cluster, tracked: Skus['tracked']): Promise<number> {
  const answer = await call(cluster, `/api/products/${tracked.productId}`, {});
  const product = answer.body as { listing: { variants: { sku: string; stock: number }[] } };
  const stock = product.listing.variants.find((v) => v.sku === tracked.sku)?.stock;
  if (typeof stock !== 'number') throw new Error(`no stock figure for ${tracked.sku}: ${answer.status}`);
  return stock;
}

async function orderLinesOf(cluster: Cluster, sku: string): Promise<number> {
  const { rows } = await cluster.db.query('SELECT count(*)::int AS n FROM order_items WHERE sku = $1', [sku]);
  return rows[0].n as number;
}

/** 1,000 one-unit COD orders from 1,000 buyers for the last 10 units, spread over both instances. */
export async function checkOversell(cluster: Cluster, skus: Skus): Promise<void> {
  const { sku } = skus.tracked;
  for (
    let now = await unitsLeft(cluster, skus.tracked);
    now > LEFT;
    now = await unitsLeft(cluster, skus.tracked)
  ) {
    const quantity = Math.min(now - LEFT, MAX_LINE);
    const taken = await call(cluster, '/api/orders', {
      body: { items: [{ sku, quantity }], buyer, paymentMethod: 'cod' },
      client: nextClient(),
    });
    if (taken.status !== 201) throw new Error(`could not take ${sku} down to ${LEFT}: ${taken.status}`);
  }
  const linesBefore = await orderLinesOf(cluster, sku);
  console.log(`  ${BURST} concurrent orders for the last ${LEFT} units of ${sku} through the proxy…`);
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BURST }, () =>
      call(cluster, '/api/orders', {
        body: { items: [{ sku, quantity: 1 }], buyer, paymentMethod: 'cod' },
        client: nextClient(),
      }),
    ),
  );
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const created = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status === 409).length;
  const left = await unitsLeft(cluster, skus.tracked);
  const inDb = (await orderLinesOf(cluster, sku)) - linesBefore;
  const [answeredA, answeredB] = perInstance(answers);
  const [createdA, createdB] = perInstance(created);
  const problems: string[] = [];
  if (created.length !== LEFT) problems.push(`${created.length} orders made for ${LEFT} units`);
  if (refused !== BURST - LEFT) problems.push(`${refused} answered 409, not ${BURST - LEFT}`);
  if (left !== 0) problems.push(`${left} units left, not 0`);
  if (inDb !== created.length)
    problems.push(`${inDb} orders in the database for ${created.length} answered 201`);
  if (answeredA === 0 || answeredB === 0) problems.push('one instance answered nothing');
  cluster.checks.report(
    `${BURST} concurrent orders for ${LEFT} units, 2 instances`,
    {
      statuses: statusTally(answers),
      created_201: created.length,
      orders_in_db: inDb,
      stock_left: left,
      answered_by_a: answeredA,
      answered_by_b: answeredB,
      created_by_a: createdA,
      created_by_b: createdB,
      seconds,
    },
    problems,
  );
}

/** The same order (key and body) sent 8 times at once, half to each instance: one order. */
export async function checkIdempotency(cluster: Cluster, skus: Skus): Promise<void> {
  const key = `bench-instances-${process.pid}-${Date.now()}`;
  const body = { items: [{ sku: skus.untracked, quantity: 1 }], buyer, paymentMethod: 'cod' };
  const count = async () =>
    (await cluster.db.query('SELECT count(*)::int AS n FROM orders')).rows[0].n as number;
  const before = await count();
  const answers = await Promise.all(
    Array.from({ length: IDEMPOTENT_COPIES }, (_, i) =>
      call(cluster, '/api/orders', {
        body,
        client: nextClient(),
        pin: i % 2,
        headers: { 'idempotency-key': key },
      }),
    ),
  );
  const made = (await count()) - before;
  const numbers = new Set(
    answers.filter((a) => a.status === 201).map((a) => (a.body as { orderNumber: string }).orderNumber),
  );
  const inProgress = answers.filter(
    (a) =>
      a.status === 409 && (a.body as { error?: { code?: string } }).error?.code === 'request_in_progress',
  ).length;
  const unexpected = answers.filter((a) => a.status !== 201).length - inProgress;
  const problems: string[] = [];
  if (made !== 1) problems.push(`${made} orders made`);
  if (numbers.size !== 1) problems.push(`${numbers.size} different order numbers answered`);
  if (unexpected > 0) problems.push(`${unexpected} answers neither 201 nor 409 request_in_progress`);
  cluster.checks.report(
    `one Idempotency-Key ${IDEMPOTENT_COPIES}× at once on 2 instances`,
    {
      statuses: statusTally(answers),
      orders_made: made,
      order_numbers: numbers.size,
      in_progress_409: inProgress,
    },
    problems,
  );
}
