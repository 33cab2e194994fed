/**
 * The client's address, for rate limits. Each proxy appends the address it received the request
 * from to X-Forwarded-For, and the last proxy is the connection's peer; so the chain read right
 * to left is: the socket, then what each trusted proxy appended. The client is the first entry
 * a trusted proxy did not come from. Everything left of it was written by the client (who can
 * send any X-Forwarded-For it likes) and is never used.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { env } from '~/config/env';
import type { ProxyTrust, TrustedNetwork } from '~/config/trust-proxy';

/**
 * One address in a canonical spelling, or undefined when the entry is not an address at all.
 * Accepts what proxies write: "[2001:db8::1]:443" and "192.0.2.1:5678" with ports (Azure, IIS),
 * IPv4-mapped IPv6 ("::ffff:192.0.2.1", Node's socket address on a dual-stack listener).
 */
export function normaliseAddress(raw: string | undefined): string | undefined {
  let text = raw?.trim().replace(/^"(.*)"$/, '$1') ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) === 0 ? undefined : text;
}

const blockLists = new WeakMap<TrustedNetwork[], BlockList>();

function trustedProxies(networks: TrustedNetwork[]): BlockList {
  let list = blockLists.get(networks);
  if (!list) {
    list = new BlockList();
    for (const n of networks) list.addSubnet(n.address, n.prefix, n.family);
    blockLists.set(networks, list);
  }
  return list;
}

/**
 * The client among `forwardedFor` (the X-Forwarded-For header, all its lines joined) and the
 * socket address. An entry that is not an address was written by the trusted hop to its right,
 * so that hop is taken instead: never the client's side of it.
 */
export function clientFromChain(
  forwardedFor: string | null,
  socketAddress: string | undefined,
  trust: ProxyTrust,
): string {
  if (trust.kind === 'none' || !forwardedFor) return normaliseAddress(socketAddress) ?? 'unknown';
  const chain = [...forwardedFor.split(','), socketAddress ?? ''];
  const at = (i: number): string => {
    for (let j = i; j < chain.length; j++) {
      const address = normaliseAddress(chain[j]);
      if (address) return address;
    }
    return 'unknown';
  };
  if (trust.kind === 'hops') {
    // Fewer entries than hops: the request met fewer proxies than configured (each of them
    // appended one), so the leftmost entry is still one a trusted proxy wrote.
    return at(Math.max(0, chain.length - 1 - trust.hops));
  }
  const proxies = trustedProxies(trust.networks);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normaliseAddress(chain[i]);
    if (!address) return at(i + 1);
    if (!proxies.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6')) return address;
  }
  // Every entry is one of our proxies: the request started inside, at the leftmost of them.
  return at(0);
}

/** The client address of `request` under the configured TRUST_PROXY. */
export function clientAddress(
  request: Request,
  socketAddress: string | undefined,
  trust: ProxyTrust = env().TRUST_PROXY,
): string {
  return clientFromChain(request.headers.get('x-forwarded-for'), socketAddress, trust);
}

/**
 * Resolves the client of an incoming request once, where the socket is known, and leaves only
 * that address in its X-Forwarded-For. Astro's node adapter gives route code `clientAddress` =
 * the header's first entry when there is one (whatever the client wrote there), else the
 * socket address, so without this even TRUST_PROXY=false would let a client pick its own key.
 * After it, Astro.clientAddress is the client, and clientAddress() on the rewritten request
 * finds the same address again under every TRUST_PROXY setting.
 */
export function pinClientAddress(
  req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string | undefined } },
  trust: ProxyTrust = env().TRUST_PROXY,
): string {
  const header = req.headers['x-forwarded-for'];
  const forwardedFor = Array.isArray(header) ? header.join(',') : (header ?? null);
  const client = clientFromChain(forwardedFor, req.socket.remoteAddress, trust);
  req.headers['x-forwarded-for'] = client;
  return client;
}
