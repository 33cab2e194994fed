/**
 * A request whose handling fails because the database is down is answered 503 with
 * Retry-After (JSON under /api/, a short text elsewhere), so clients and load balancers retry;
 * any other error still reaches Astro as before (its 500).
 */
import { describe, expect, it } from 'vitest';
import { answeringOutages } from '~/http/unavailable';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('answeringOutages', () => {
  it('passes the response through when the handling succeeds', async () => {
    const response = await answeringOutages('/api/orders', async () => new Response('ok', { status: 201 }));
    expect(response.status).toBe(201);
  });

  it('answers an API request 503 service_unavailable with Retry-After when the database is down', async () => {
    const response = await answeringOutages('/api/orders', async () => {
      throw new Error('Failed query: insert', { cause: refused() });
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
  });

  it('answers a page 503 in both languages', async () => {
    const response = await answeringOutages('/gio-hang/', async () => {
      throw refused();
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/tạm gián đoạn[\s\S]*briefly unavailable/);
  });

  it('lets any other error through', async () => {
    const bug = new TypeError('x is undefined');
    await expect(
      answeringOutages('/api/orders', async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});
