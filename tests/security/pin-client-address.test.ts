/**
 * What route code sees as the client behind Astro's node adapter: NodeApp.createRequest takes
 * `clientAddress` from the first X-Forwarded-For entry when there is one, so the server pins the
 * resolved client there first (src/server/serve.ts calls pinClientAddress).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApp } from 'astro/app/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyTrust, parseTrustProxy } from '~/config/trust-proxy';
import { clientAddress, pinClientAddress } from '~/security/client-address';

const trust = (value: string) => parseTrustProxy(value) as ProxyTrust;

/** Astro.clientAddress and our clientAddress() for a request, after pinning under `mode`. */
function seen(req: IncomingMessage, mode: ProxyTrust) {
  pinClientAddress(req, mode);
  const request = NodeApp.createRequest(req, { skipBody: true });
  const astro = Reflect.get(request, Symbol.for('astro.clientAddress')) as string;
  return { astro, ours: clientAddress(request, astro, mode) };
}

describe('pinClientAddress', () => {
  let server: Server;
  let url: string;
  let mode: ProxyTrust = { kind: 'none' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(seen(req, mode)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = async (headers: Record<string, string> = {}) =>
    (await (await fetch(url, { headers })).json()) as { astro: string; ours: string };

  it('without TRUST_PROXY, a client-written X-Forwarded-For changes nothing', async () => {
    mode = trust('false');
    expect(await ask({ 'x-forwarded-for': '6.6.6.6' })).toEqual({ astro: '127.0.0.1', ours: '127.0.0.1' });
    expect(await ask()).toEqual({ astro: '127.0.0.1', ours: '127.0.0.1' });
  });

  it('behind one hop, both see the entry the proxy appended', async () => {
    mode = trust('1');
    expect(await ask({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7' })).toEqual({
      astro: '198.51.100.7',
      ours: '198.51.100.7',
    });
  });

  it('with a list, both see the rightmost untrusted entry', async () => {
    mode = trust('127.0.0.0/8,10.0.0.0/8');
    expect(await ask({ 'x-forwarded-for': '6.6.6.6, 2001:db8::7, 10.0.0.9' })).toEqual({
      astro: '2001:db8::7',
      ours: '2001:db8::7',
    });
  });

  it('resolves a pinned request to the same client again, whatever the mode', () => {
    for (const value of ['false', '1', '2', '127.0.0.1,10.0.0.0/8']) {
      const req = {
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.9' },
        socket: { remoteAddress: '127.0.0.1' },
      };
      const first = pinClientAddress(req, trust(value));
      const again = clientAddress(
        new Request('http://x/', { headers: { 'x-forwarded-for': String(req.headers['x-forwarded-for']) } }),
        first,
        trust(value),
      );
      expect(again, value).toBe(first);
    }
  });
});
