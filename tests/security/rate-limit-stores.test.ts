/**
 * Two limiters on one shared store count together, as two server processes behind one address
 * must: PostgreSQL (TEST_DATABASE_URL, the rate_limits table of the migrations) and Redis
 * (REDIS_URL or 127.0.0.1:6379). Each limiter has its own connections, as a process would.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '~/db/client';
import { RateLimiter } from '~/security/rate-limit';
import { openPostgresSchema } from '~tests/notifications/test-databases';

const rule = { limit: 5, windowMs: 60_000 };

/** Alternates between the two limiters, as a round-robin proxy would, and says what each answered. */
async function alternate(one: RateLimiter, two: RateLimiter, key: string, times: number) {
  const answers: boolean[] = [];
  for (let i = 0; i < times; i++) answers.push((await (i % 2 ? two : one).take(key, rule)).allowed);
  return answers;
}

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) console.warn('Rate limits on PostgreSQL skipped: TEST_DATABASE_URL is not set.');

describe.skipIf(!pgUrl)('rate limits on PostgreSQL', () => {
  let handle: DatabaseHandle & { url: string };
  const pools: pg.Pool[] = [];
  let one: RateLimiter;
  let two: RateLimiter;

  beforeAll(async () => {
    handle = await openPostgresSchema(pgUrl!, 'rl');
    for (let i = 0; i < 2; i++) pools.push(new pg.Pool({ connectionString: handle.url, max: 2 }));
    [one, two] = pools.map((pool) => new RateLimiter({ kind: 'postgres', pool })) as [
      RateLimiter,
      RateLimiter,
    ];
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await handle?.close();
  });

  it('counts two instances together: the limit holds across them', async () => {
    const key = `orders:${randomUUID()}`;
    expect(await alternate(one, two, key, 7)).toEqual([true, true, true, true, true, false, false]);
    const refused = await one.take(key, rule);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts concurrent attempts exactly (one row, one upsert each)', async () => {
    const key = `orders:${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? two : one).take(key, rule)),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(rule.limit);
  });

  it('keeps the counters in the migrated rate_limits table, with hashed keys', async () => {
    const key = `quotes:email:${randomUUID()}@example.vn`;
    await one.take(key, rule);
    const { rows } = await pools[0]!.query<{ key: string; points: number }>(
      'SELECT key, points FROM rate_limits',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes('@') || r.key.includes('orders:'))).toBe(false);
  });
});

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Undefined when Redis answers, else why these tests are skipped. */
async function redisUnreachable(): Promise<string | undefined> {
  const probe = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return `${redisUrl} is unreachable (${(error as Error).message})`;
  } finally {
    probe.disconnect();
  }
}

const redisSkip = await redisUnreachable();
if (redisSkip) console.warn(`Rate limits on Redis skipped: ${redisSkip}.`);

describe.skipIf(redisSkip !== undefined)('rate limits on Redis', () => {
  const clients: Redis[] = [];
  let one: RateLimiter;
  let two: RateLimiter;

  beforeAll(() => {
    for (let i = 0; i < 2; i++) clients.push(new Redis(redisUrl, { enableOfflineQueue: true }));
    [one, two] = clients.map((client) => new RateLimiter({ kind: 'redis', client })) as [
      RateLimiter,
      RateLimiter,
    ];
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('counts two instances together: the limit holds across them', async () => {
    const key = `orders:${randomUUID()}`;
    expect(await alternate(one, two, key, 7)).toEqual([true, true, true, true, true, false, false]);
    const refused = await two.take(key, rule);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts concurrent attempts exactly', async () => {
    const key = `orders:${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? two : one).take(key, rule)),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(rule.limit);
  });

  it('falls back to counting in the process while Redis is unreachable, instead of failing', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: true });
    dead.on('error', () => {});
    const alone = new RateLimiter({ kind: 'redis', client: dead });
    const key = `orders:${randomUUID()}`;
    const answers: boolean[] = [];
    for (let i = 0; i < 7; i++) answers.push((await alone.take(key, rule)).allowed);
    expect(answers).toEqual([true, true, true, true, true, false, false]);
    dead.disconnect();
  });
});
