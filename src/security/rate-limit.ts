/**
 * Fixed-window rate limiter kept in the server process, keyed by e.g. "quotes:ip:1.2.3.4".
 * Good enough for one server; a multi-instance deployment would move this to the database.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one attempt; returns false when the key is over its limit in the current window. */
  take(key: string, rule: RateLimitRule): boolean {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= rule.windowMs) {
      this.windows.set(key, { start: t, count: 1 });
      this.sweep(t, rule.windowMs);
      return true;
    }
    w.count += 1;
    return w.count <= rule.limit;
  }

  /** Drops expired windows now and then so the map cannot grow without bound. */
  private sweep(t: number, windowMs: number): void {
    if (this.windows.size < 10_000) return;
    for (const [k, w] of this.windows) if (t - w.start >= windowMs) this.windows.delete(k);
  }
}

/** A limiter and the client it counts for: what a handler needs to limit a client's attempts. */
export interface ClientLimit {
  limiter: RateLimiter;
  client: string;
}

/**
 * The client address for rate limits. X-Forwarded-For is set by whoever sends the request, so
 * it is believed only when TRUST_PROXY=true says a proxy in front of us overwrites it;
 * otherwise the socket address counts.
 */
export function clientAddress(request: Request, socketAddress: string | undefined): string {
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress || 'unknown';
}
