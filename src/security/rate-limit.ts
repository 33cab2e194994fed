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

/** The client address as seen by the server (the standalone server sets x-forwarded-for only behind a proxy). */
export function clientAddress(request: Request, fallback: string | undefined): string {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || fallback || 'unknown';
}
