import { describe, expect, it } from 'vitest';
import { clientAddress, RateLimiter } from '~/security/rate-limit';

describe('RateLimiter', () => {
  it('allows up to the limit per window and per key, then again in the next window', () => {
    let t = 0;
    const limiter = new RateLimiter(() => t);
    const rule = { limit: 2, windowMs: 1000 };
    expect(limiter.take('a', rule)).toBe(true);
    expect(limiter.take('a', rule)).toBe(true);
    expect(limiter.take('a', rule)).toBe(false);
    expect(limiter.take('b', rule)).toBe(true);
    t = 1000;
    expect(limiter.take('a', rule)).toBe(true);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY=true, so clients cannot pick their own key', () => {
    const forwarded = new Request('http://x/', { headers: { 'x-forwarded-for': '1.2.3.4, 10.0.0.1' } });
    delete process.env.TRUST_PROXY;
    expect(clientAddress(forwarded, '127.0.0.1')).toBe('127.0.0.1');
    process.env.TRUST_PROXY = 'true';
    expect(clientAddress(forwarded, '127.0.0.1')).toBe('1.2.3.4');
    expect(clientAddress(new Request('http://x/'), '127.0.0.1')).toBe('127.0.0.1');
    delete process.env.TRUST_PROXY;
  });
});
