import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress, isPrivateResponse } from '~/server/compression';

const page = `<!doctype html><html><body>${'<p>Nước mắm Phú Quốc</p>'.repeat(200)}</body></html>`;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) =>
    compress(req, res, () => {
      res.setHeader('content-type', req.url === '/photo' ? 'image/jpeg' : 'text/html; charset=utf-8');
      if (req.url === '/order') res.setHeader('cache-control', 'private, no-store');
      res.end(page);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw bytes as sent (fetch would decompress them). */
function rawGet(
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compression', () => {
  it('gzips HTML for clients that accept it, byte for byte', async () => {
    const { headers, body } = await rawGet('/', 'gzip');
    expect(headers['content-encoding']).toBe('gzip');
    expect(body.length).toBeLessThan(Buffer.byteLength(page) / 4);
    expect(gunzipSync(body).toString('utf8')).toBe(page);
  });

  it('leaves private responses, images and clients without gzip alone', async () => {
    for (const [path, encoding] of [
      ['/order', 'gzip'],
      ['/photo', 'gzip'],
      ['/', 'identity'],
    ] as const) {
      const { headers, body } = await rawGet(path, encoding);
      expect(headers['content-encoding'], path).toBeUndefined();
      expect(body.toString('utf8')).toBe(page);
    }
  });

  it('recognises private cache policies', () => {
    expect(isPrivateResponse('private, no-store')).toBe(true);
    expect(isPrivateResponse('no-store')).toBe(true);
    expect(isPrivateResponse('public, max-age=300')).toBe(false);
    expect(isPrivateResponse(undefined)).toBe(false);
  });
});
