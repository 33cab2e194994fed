/** The limiter on its memory store (one process); shared stores: rate-limit-stores.test.ts. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '~/security/rate-limit';

describe('RateLimiter (memory)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows up to the limit per window and per key, then again in the next window', async () => {
    const limiter = new RateLimiter();
    const rule = { limit: 2, windowMs: 1000 };
    expect((await limiter.take('a', rule)).allowed).toBe(true);
    expect((await limiter.take('a', rule)).allowed).toBe(true);
    expect(await limiter.take('a', rule)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await limiter.take('b', rule)).allowed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect((await limiter.take('a', rule)).allowed).toBe(true);
  });

  it('says how long to wait: the rest of the window, in whole seconds', async () => {
    const limiter = new RateLimiter();
    const rule = { limit: 1, windowMs: 10 * 60_000 };
    await limiter.take('k', rule);
    vi.advanceTimersByTime(60_500);
    expect(await limiter.take('k', rule)).toEqual({ allowed: false, retryAfterSeconds: 540 });
  });

  it('counts the same key under two rules separately, each in its own window', async () => {
    const limiter = new RateLimiter();
    const perMinute = { limit: 1, windowMs: 60_000 };
    const perHour = { limit: 2, windowMs: 3_600_000 };
    expect((await limiter.take('k', perMinute)).allowed).toBe(true);
    expect((await limiter.take('k', perHour)).allowed).toBe(true);
    expect((await limiter.take('k', perMinute)).allowed).toBe(false);
    expect((await limiter.take('k', perHour)).allowed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect((await limiter.take('k', perMinute)).allowed).toBe(true);
    expect((await limiter.take('k', perHour)).allowed).toBe(false);
  });

  it('keeps separate limiters apart (each server process alone, without a shared store)', async () => {
    const rule = { limit: 1, windowMs: 60_000 };
    const [one, two] = [new RateLimiter(), new RateLimiter()];
    expect((await one.take('k', rule)).allowed).toBe(true);
    expect((await two.take('k', rule)).allowed).toBe(true);
    expect((await one.take('k', rule)).allowed).toBe(false);
  });
});

describe('RateLimiter (memory, real time)', () => {
  it('does not reset a long-window key when many short-window keys come and go', async () => {
    // The in-process limiter this replaced swept every window older than the *current* rule's
    // window once it held 10,000 keys, so a burst under a 1-second rule reset hour-long ones.
    // Real time: fake timers crawl with 10,000 pending timeouts.
    const limiter = new RateLimiter();
    const long = { limit: 1, windowMs: 3_600_000 };
    const short = { limit: 1, windowMs: 1_000 };
    expect((await limiter.take('long', long)).allowed).toBe(true);
    expect((await limiter.take('long', long)).allowed).toBe(false);
    for (let i = 0; i < 10_000; i++) await limiter.take(`short-${i}`, short);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.take('short-new', short)).allowed).toBe(true);
    expect((await limiter.take('short-0', short)).allowed).toBe(true);
    const again = await limiter.take('long', long);
    expect(again.allowed).toBe(false);
    expect(again.retryAfterSeconds).toBeGreaterThan(3590);
  }, 20_000);

  it('counts in memory while its store cannot be set up, and sets it up on a later attempt', async () => {
    const rule = { limit: 2, windowMs: 60_000 };
    let setUps = 0;
    const down = new RateLimiter(async () => {
      setUps += 1;
      throw new Error('database unreachable');
    });
    const answers: boolean[] = [];
    for (let i = 0; i < 3; i++) answers.push((await down.take('k', rule)).allowed);
    expect(answers).toEqual([true, true, false]);
    expect(setUps).toBe(3);

    let attempts = 0;
    const recovering = new RateLimiter(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database unreachable');
      return { kind: 'memory' };
    });
    expect((await recovering.take('k', rule)).allowed).toBe(true);
    expect((await recovering.take('k', rule)).allowed).toBe(true);
    expect((await recovering.take('k', rule)).allowed).toBe(true);
    expect((await recovering.take('k', rule)).allowed).toBe(false);
    expect(attempts).toBe(2);
  });
});
