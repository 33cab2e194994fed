/**
 * The facility API on the running server: a token made by `npm run facility -- token` (through
 * the server's admin socket) lists its facility's products and nothing else; without a token,
 * or once the token is revoked, the answer is 401 `unauthorized`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.e2e-data';

function facilityCommand(args: string[]): string {
  return execFileSync('npx', ['tsx', 'scripts/facility.ts', ...args], {
    env: { ...process.env, DATA_DIR, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}

/** A facility of the sample registry and its products' ids. */
function sampleFacility(): { id: string; products: string[] } {
  const products = JSON.parse(readFileSync(path.join(CONTENT, 'registry/products.json'), 'utf8')) as {
    id: string;
    facilityId: string;
  }[];
  const id = products[0]!.facilityId;
  return { id, products: products.filter((p) => p.facilityId === id).map((p) => p.id) };
}

test('a facility API token lists its own products, and nothing once revoked', async ({ request }) => {
  const facility = sampleFacility();
  const made = facilityCommand(['token', facility.id, '--name', 'e2e']);
  const token = /^(cnnt_fac_\S+)$/m.exec(made)?.[1];
  expect(token).toBeTruthy();
  const id = /\(id ([0-9a-f]{16})\)/.exec(made)![1]!;

  const anonymous = await request.get('/api/facility/products');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe('unauthorized');

  const listed = await request.get('/api/facility/products', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(listed.status()).toBe(200);
  expect(listed.headers()['cache-control']).toBe('no-store');
  const body = (await listed.json()) as {
    facility: { id: string };
    products: { id: string; listing: unknown }[];
  };
  expect(body.facility.id).toBe(facility.id);
  expect(body.products.map((p) => p.id).sort()).toEqual([...facility.products].sort());

  expect(facilityCommand(['tokens', facility.id])).toMatch(new RegExp(`^${id} .*active$`, 'm'));
  facilityCommand(['revoke-token', id]);
  const revoked = await request.get('/api/facility/products', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toMatch(/revoked/);
});
