import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '~/config/env';
import { type ProxyTrust, parseTrustProxy } from '~/config/trust-proxy';
import { clientAddress, clientFromChain, normaliseAddress } from '~/security/client-address';
import { RateLimiter } from '~/security/rate-limit';

const trust = (value: string): ProxyTrust => {
  const parsed = parseTrustProxy(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

/** What reaches the server: the header after every proxy appended, and the socket's peer. */
const request = (forwardedFor?: string) =>
  new Request('http://x/', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

describe('TRUST_PROXY', () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
    resetEnvCache();
  });

  it('takes a hop count, "true" as one hop, false/unset as none, or a list of addresses and CIDRs', () => {
    expect(trust('1')).toEqual({ kind: 'hops', hops: 1 });
    expect(trust('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(trust('true')).toEqual({ kind: 'hops', hops: 1 });
    expect(trust('false')).toEqual({ kind: 'none' });
    expect(trust('')).toEqual({ kind: 'none' });
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(trust('127.0.0.1, 10.0.0.0/8,2001:DB8::/32')).toEqual({
      kind: 'list',
      networks: [
        { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '2001:db8::', prefix: 32, family: 'ipv6' },
      ],
    });
  });

  it('stops the configuration with a message naming the bad value', () => {
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,nginx', '::1/129', '11', '10.0.0.0/8/1', '1.2.3']) {
      process.env.TRUST_PROXY = bad;
      resetEnvCache();
      expect(() => env(), bad).toThrow(
        /Invalid configuration: TRUST_PROXY: TRUST_PROXY is the number of proxy hops/,
      );
    }
    process.env.TRUST_PROXY = '10.0.0.1,nginx';
    resetEnvCache();
    expect(() => env()).toThrow(/"nginx" is none of these/);
  });

  it('is read from the environment by clientAddress', () => {
    process.env.TRUST_PROXY = '1';
    resetEnvCache();
    expect(clientAddress(request('198.51.100.7'), '10.0.0.2')).toBe('198.51.100.7');
    process.env.TRUST_PROXY = 'false';
    resetEnvCache();
    expect(clientAddress(request('198.51.100.7'), '10.0.0.2')).toBe('10.0.0.2');
  });
});

describe('the client address', () => {
  it('is the socket address without TRUST_PROXY, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('1.2.3.4'), '203.0.113.9', trust('false'))).toBe('203.0.113.9');
    expect(clientAddress(request(), undefined, trust('false'))).toBe('unknown');
  });

  it('behind one appending proxy, is what the proxy appended, not what the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    expect(clientAddress(request('1.2.3.4, 203.0.113.5'), '10.0.0.2', trust('1'))).toBe('203.0.113.5');
    expect(clientAddress(request('203.0.113.5'), '10.0.0.2', trust('1'))).toBe('203.0.113.5');
    // Two header lines are one list (Request joins them).
    const twoLines = new Request('http://x/', {
      headers: [
        ['x-forwarded-for', '1.2.3.4'],
        ['x-forwarded-for', '203.0.113.5'],
      ],
    });
    expect(clientAddress(twoLines, '10.0.0.2', trust('1'))).toBe('203.0.113.5');
  });

  it('with one hop and no header, is the proxy itself (the safe side of a misconfiguration)', () => {
    expect(clientAddress(request(), '10.0.0.2', trust('1'))).toBe('10.0.0.2');
  });

  it('behind two hops, is what the outer proxy appended', () => {
    // client → CDN (appends client) → nginx (appends CDN) → us (socket: nginx)
    const header = '6.6.6.6, 198.51.100.20, 192.0.2.50';
    expect(clientAddress(request(header), '10.0.0.2', trust('2'))).toBe('198.51.100.20');
    expect(clientAddress(request(header), '10.0.0.2', trust('1'))).toBe('192.0.2.50');
    // Fewer entries than hops: the leftmost, which a trusted proxy still wrote.
    expect(clientAddress(request('198.51.100.20'), '10.0.0.2', trust('3'))).toBe('198.51.100.20');
  });

  it('with a list, is the rightmost entry that is not a trusted proxy (CIDR ranges too)', () => {
    const proxies = trust('127.0.0.1,10.0.0.0/8');
    expect(clientAddress(request('6.6.6.6, 198.51.100.20, 10.1.2.3'), '127.0.0.1', proxies)).toBe(
      '198.51.100.20',
    );
    // A connection that is not from a trusted proxy: its header is the client's own writing.
    expect(clientAddress(request('10.1.2.3'), '203.0.113.9', proxies)).toBe('203.0.113.9');
    // Everything trusted: the request started at the leftmost proxy.
    expect(clientAddress(request('10.9.9.9, 10.1.2.3'), '127.0.0.1', proxies)).toBe('10.9.9.9');
  });

  it('handles IPv6: bracketed with a port, IPv4-mapped sockets, ranges', () => {
    const proxies = trust('::1,2001:db8::/32,127.0.0.1');
    expect(clientAddress(request('2001:DB8:FFFF::1, [2001:db9::7]:443'), '::1', proxies)).toBe('2001:db9::7');
    expect(clientAddress(request('2001:db9::7, 2001:db8:1::5'), '::ffff:127.0.0.1', proxies)).toBe(
      '2001:db9::7',
    );
    expect(clientAddress(request('192.0.2.1:5678'), '::ffff:127.0.0.1', trust('1'))).toBe('192.0.2.1');
    expect(normaliseAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('[::1]')).toBe('::1');
  });

  it('never takes garbage: an entry that is not an address falls back to the hop that wrote it', () => {
    expect(clientAddress(request('1.2.3.4, not-an-ip'), '10.0.0.2', trust('1'))).toBe('10.0.0.2');
    expect(clientAddress(request('1.2.3.4, '), '10.0.0.2', trust('1'))).toBe('10.0.0.2');
    expect(clientAddress(request('unknown, 198.51.100.20'), '10.0.0.2', trust('2'))).toBe('198.51.100.20');
    const proxies = trust('10.0.0.0/8');
    expect(clientAddress(request('6.6.6.6, <script>, 10.1.2.3'), '10.0.0.2', proxies)).toBe('10.1.2.3');
    expect(clientFromChain('x'.repeat(10_000), '10.0.0.2', trust('1'))).toBe('10.0.0.2');
    expect(clientFromChain('1.2.3.4', 'garbage', trust('1'))).toBe('1.2.3.4');
    expect(clientFromChain('1.2.3.4, garbage', undefined, trust('1'))).toBe('unknown');
  });

  it('keeps a client behind one proxy on its own budget however it fills X-Forwarded-For', async () => {
    const limiter = new RateLimiter();
    const rule = { limit: 3, windowMs: 60_000 };
    const proxied = trust('1');
    const answers: boolean[] = [];
    for (const own of ['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4', '', 'garbage']) {
      // nginx appends the address it saw (the same client each time) after what the client sent.
      const header = own ? `${own}, 198.51.100.77` : '198.51.100.77';
      const client = clientAddress(request(header), '10.0.0.2', proxied);
      answers.push((await limiter.take(`orders:${client}`, rule)).allowed);
    }
    expect(answers).toEqual([true, true, true, false, false]);
  });
});
