/**
 * TRUST_PROXY: which proxies in front of the server are believed about the client's address.
 * Proxies (nginx, load balancers) append the address they received a request from to
 * X-Forwarded-For, so only the entries our own proxies appended are true; whatever is left of
 * them was written by the client. src/security/client-address.ts applies what this parses.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

export interface TrustedNetwork {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export type ProxyTrust =
  /** The connection's address is the client (no proxy, or X-Forwarded-For is not believed). */
  | { kind: 'none' }
  /** This many proxies in a row, the nearest one being the connection's peer. */
  | { kind: 'hops'; hops: number }
  /** Proxies known by address: every one of them is believed, anyone else is the client. */
  | { kind: 'list'; networks: TrustedNetwork[] };

/** More hops than any sane deployment: a typo (TRUST_PROXY=10.0.0.1 without dots…) rather than a chain. */
const MAX_HOPS = 10;

const USAGE =
  'TRUST_PROXY is the number of proxy hops in front of the server (1, 2, …), a comma-separated list of proxy addresses or CIDR ranges (127.0.0.1,10.0.0.0/8), or false';

function parseNetwork(entry: string): TrustedNetwork | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return { address: address.toLowerCase(), prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** The parsed value, or the message saying what is wrong with it. */
export function parseTrustProxy(value: string | undefined): ProxyTrust | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  // "true" meant "a proxy overwrites X-Forwarded-For" before hop counts existed: one hop.
  if (text === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { kind: 'hops', hops } : `${USAGE}; ${text} hops is more than ${MAX_HOPS}`;
  }
  const networks: TrustedNetwork[] = [];
  for (const entry of text.split(',').map((e) => e.trim())) {
    const network = parseNetwork(entry);
    if (!network) return `${USAGE}; "${entry}" is none of these`;
    networks.push(network);
  }
  return { kind: 'list', networks };
}

export const trustProxySchema = z
  .string()
  .optional()
  .transform((value, ctx): ProxyTrust => {
    const parsed = parseTrustProxy(value);
    if (typeof parsed !== 'string') return parsed;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed });
    return z.NEVER;
  });
