/**
 * The server's limiter picks its store from configuration: REDIS_URL, else DATABASE_URL, else
 * memory. Shown by a second limiter on the same store (another process) seeing its counts.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { database } from '~/db/client';
import { RateLimiter } from '~/security/rate-limit';
import { closeServerRateLimiter, serverRateLimiter } from '~/security/server-limiter';
import { openPostgresSchema } from '~tests/notifications/test-databases';

const rule = { limit: 2, windowMs: 60_000 };
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function takeThree(limiter: RateLimiter, key: string): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let i = 0; i < 3; i++) answers.push((await limiter.take(key, rule)).allowed);
  return answers;
}

afterEach(async () => {
  await closeServerRateLimiter();
  delete process.env.REDIS_URL;
  delete process.env.DATABASE_URL;
  resetEnvCache();
});

describe('serverRateLimiter', () => {
  it('counts in memory without REDIS_URL or DATABASE_URL (one process: embedded PGlite)', async () => {
    const key = `k:${randomUUID()}`;
    expect(await takeThree(serverRateLimiter(), key)).toEqual([true, true, false]);
    expect(serverRateLimiter()).toBe(serverRateLimiter());
  });

  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) console.warn('serverRateLimiter on PostgreSQL skipped: TEST_DATABASE_URL is not set.');
  it.skipIf(!pgUrl)('counts in the database with DATABASE_URL, together with other processes', async () => {
    const fresh = await openPostgresSchema(pgUrl!, 'srl');
    const other = new pg.Pool({ connectionString: fresh.url, max: 1 });
    try {
      process.env.DATABASE_URL = fresh.url;
      resetEnvCache();
      const key = `k:${randomUUID()}`;
      expect((await serverRateLimiter().take(key, rule)).allowed).toBe(true);
      const elsewhere = new RateLimiter({ kind: 'postgres', pool: other });
      expect(await takeThree(elsewhere, key)).toEqual([true, false, false]);
      expect((await serverRateLimiter().take(key, rule)).allowed).toBe(false);
    } finally {
      await other.end();
      await closeServerRateLimiter();
      await (await database()).close();
      await fresh.close();
    }
  });

  it('counts in Redis with REDIS_URL (before DATABASE_URL), together with other processes', async (ctx) => {
    const other = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
    other.on('error', () => {});
    try {
      await other.connect();
    } catch (error) {
      console.warn(
        `serverRateLimiter on Redis skipped: ${redisUrl} is unreachable (${(error as Error).message}).`,
      );
      ctx.skip();
    }
    try {
      process.env.REDIS_URL = redisUrl;
      // Not opened: Redis wins, so the database is never reached.
      process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
      resetEnvCache();
      const key = `k:${randomUUID()}`;
      expect((await serverRateLimiter().take(key, rule)).allowed).toBe(true);
      const elsewhere = new RateLimiter({ kind: 'redis', client: other });
      expect(await takeThree(elsewhere, key)).toEqual([true, false, false]);
    } finally {
      other.disconnect();
    }
  });
});
