/**
 * Health and readiness on the built site (docs/http-api.md): /healthz from the Node server,
 * /readyz through the site's on-demand route (database migrated, search engine built), and the
 * request id every response carries.
 */
import { expect, test } from '@playwright/test';

test('health, readiness and request ids', async ({ request }) => {
  const health = await request.get('/healthz', { headers: { 'X-Request-Id': 'e2e-probe-1' } });
  expect(health.status()).toBe(200);
  // With a published build (the publish journey runs earlier), /healthz names it.
  const body = (await health.json()) as { status: string; build?: string };
  expect(body.status).toBe('ok');
  expect(Object.keys(body).filter((k) => k !== 'build')).toEqual(['status']);
  if (body.build !== undefined) expect(body.build).toMatch(/^\d{8}-\d{9}-[0-9a-f]{4}$/);
  expect(health.headers()['x-request-id']).toBe('e2e-probe-1');

  // The embedded search index is built on first use: ready within a few tries.
  await expect.poll(async () => (await request.get('/readyz')).status(), { timeout: 30_000 }).toBe(200);
  const ready = await request.get('/readyz');
  expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', search: 'ok' } });
  expect(ready.headers()['cache-control']).toBe('no-store');

  const page = await request.get('/');
  expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
