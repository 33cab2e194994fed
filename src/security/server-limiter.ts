/**
 * The server process's one rate limiter, counting where every instance of the site sees the
 * same numbers: Redis with REDIS_URL, else PostgreSQL with DATABASE_URL (the rate_limits table,
 * next to the rest of the data), else memory (embedded PGlite: one process by design).
 */
import { env } from '~/config/env';
import { log } from '~/config/log';
import { database } from '~/db/client';
import { type LimiterStore, RateLimiter } from './rate-limit';

// Shared by every copy of this module in the process (the server's scripts and the built site
// bundle each carry one), so that the server's shutdown closes what the routes opened.
const SHARED = Symbol.for('cnnt.security.server-limiter');
type Shared = { limiter?: RateLimiter | undefined; closeStore?: (() => Promise<void>) | undefined };
const shared: Shared = ((globalThis as Record<symbol, unknown>)[SHARED] as Shared | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[SHARED] = shared;

async function configuredStore(): Promise<LimiterStore> {
  const { REDIS_URL, DATABASE_URL } = env();
  if (REDIS_URL) {
    const { Redis } = await import('ioredis');
    // No offline queue: while Redis is down a count fails at once and the in-memory insurance
    // counts instead, rather than requests waiting on a reconnect.
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let reported = false;
    client.on('error', (error: Error) => {
      if (!reported) log().warn({ err: error }, 'rate limits: Redis unreachable, counting per process');
      reported = true;
    });
    client.on('ready', () => {
      reported = false;
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    shared.closeStore = async () => void (await client.quit().catch(() => client.disconnect()));
    return { kind: 'redis', client };
  }
  if (DATABASE_URL) {
    // The migrations that create rate_limits run when the database is first opened.
    await database();
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: 4,
      connectionTimeoutMillis: 2_000,
      allowExitOnIdle: true,
    });
    // An idle connection dropped by a database restart must not crash the process.
    pool.on('error', (error) => log().warn({ err: error }, 'rate limits: PostgreSQL connection lost'));
    shared.closeStore = () => pool.end();
    return { kind: 'postgres', pool };
  }
  return { kind: 'memory' };
}

/** The process's limiter: routes and pages share it, so a rule's budget is one per client. */
export function serverRateLimiter(): RateLimiter {
  shared.limiter ??= new RateLimiter(configuredStore);
  return shared.limiter;
}

/** Ends the shared store's connections (graceful shutdown); the next take() opens them again. */
export async function closeServerRateLimiter(): Promise<void> {
  const close = shared.closeStore;
  shared.limiter = undefined;
  shared.closeStore = undefined;
  await close?.();
}
