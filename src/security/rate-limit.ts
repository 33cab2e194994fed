/**
 * Fixed-window rate limits through rate-limiter-flexible, keyed by e.g. "quotes:ip:1.2.3.4".
 * Callers see one small interface (take a key under a rule, get allowed / how long to wait);
 * where the counts live is the store's business: memory for one process, PostgreSQL or Redis
 * when several server processes must count together (./server-limiter.ts picks it).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface RateLimitRule {
  limit: number;
  /** In milliseconds, a whole number of seconds (the stores count in seconds). */
  windowMs: number;
}

export interface LimitDecision {
  allowed: boolean;
  /** When refused: seconds until the key's window ends (Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

export type LimiterStore =
  | { kind: 'memory' }
  /** The rate_limits table (migration 0001) on the database the pool reaches. */
  | { kind: 'postgres'; pool: Pool }
  | { kind: 'redis'; client: Redis };

/** The table src/db/migrations/0001_rate_limits.sql creates in rate-limiter-flexible's layout. */
export const RATE_LIMIT_TABLE = 'rate_limits';

export class RateLimiter {
  private store: Promise<LimiterStore> | undefined;
  /** One counter set per rule: the same key under two rules counts twice, each in its own window. */
  private readonly byRule = new Map<string, Promise<RateLimiterAbstract>>();
  /** Counts while the store cannot be set up (its database down at the first request). */
  private readonly inMemory = new Map<string, RateLimiterAbstract>();

  /** `store` may be a function, so that connecting waits for the first request. */
  constructor(private readonly source: LimiterStore | (() => Promise<LimiterStore>) = { kind: 'memory' }) {}

  /** Counts one attempt for `key` under `rule`; refused once the key is over the rule's limit. */
  async take(key: string, rule: RateLimitRule): Promise<LimitDecision> {
    let limiter: RateLimiterAbstract;
    try {
      limiter = await this.limiterFor(rule);
    } catch {
      // The store could not be reached to set up (the next attempt tries again): count here
      // rather than fail the request, as the stores' own insurance does once they are set up.
      limiter = this.inMemoryFor(rule);
    }
    try {
      await limiter.consume(storedKey(key));
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      // consume rejects with the counter's state when over the limit, with an Error otherwise
      // (only when the insurance limiter failed too: it is memory, so practically never).
      if (!(error instanceof RateLimiterRes)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  }

  private limiterFor(rule: RateLimitRule): Promise<RateLimiterAbstract> {
    const id = ruleId(rule);
    let limiter = this.byRule.get(id);
    if (!limiter) {
      this.store ??= (typeof this.source === 'function' ? this.source() : Promise.resolve(this.source)).catch(
        (error: unknown) => {
          this.store = undefined;
          this.byRule.clear();
          throw error;
        },
      );
      limiter = this.store.then((store) => createLimiter(store, rule, id));
      this.byRule.set(id, limiter);
    }
    return limiter;
  }

  private inMemoryFor(rule: RateLimitRule): RateLimiterAbstract {
    const id = ruleId(rule);
    let limiter = this.inMemory.get(id);
    if (!limiter) {
      limiter = createLimiter({ kind: 'memory' }, rule, id);
      this.inMemory.set(id, limiter);
    }
    return limiter;
  }
}

/** Also the key prefix in the stores: a rule's counters are its own. */
function ruleId(rule: RateLimitRule): string {
  return `${rule.limit}-${Math.ceil(rule.windowMs / 1000)}s`;
}

function createLimiter(store: LimiterStore, rule: RateLimitRule, keyPrefix: string): RateLimiterAbstract {
  const options = { keyPrefix, points: rule.limit, duration: Math.ceil(rule.windowMs / 1000) };
  if (store.kind === 'memory') return new RateLimiterMemory(options);
  // While the shared store is unreachable each process counts on its own rather than failing
  // the request or letting everyone through.
  const insuranceLimiter = new RateLimiterMemory(options);
  if (store.kind === 'redis')
    return new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter });
  return new RateLimiterPostgres({
    ...options,
    storeClient: store.pool,
    storeType: 'pool',
    tableName: RATE_LIMIT_TABLE,
    // The migration made it: the library's own CREATE TABLE would race the migrations.
    tableCreated: true,
    insuranceLimiter,
  });
}

/** Keys are hashed: the shared stores then hold no client addresses or e-mail addresses. */
function storedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

/** A limiter and the client it counts for: what a handler needs to limit a client's attempts. */
export interface ClientLimit {
  limiter: RateLimiter;
  client: string;
}
