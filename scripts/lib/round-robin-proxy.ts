/**
 * A small round-robin HTTP reverse proxy on 127.0.0.1 for benchmarks with several server
 * instances: each request goes to the next upstream in turn, with the client's address appended
 * to X-Forwarded-For as nginx's `$proxy_add_x_forwarded_for` does (so the servers run with
 * TRUST_PROXY=1 and key rate limits on that entry).
 *
 * Bench-only: with `clientHeader`, the address appended is the value of that request header
 * (removed before forwarding) instead of the socket's, so one benchmark process can play many
 * buyers, or exactly one. With `pinHeader`, a request carrying that header (an upstream's
 * index) goes to that upstream, so a benchmark can make sure each instance gets a copy of a
 * request. Each answer carries `x-bench-upstream: <index>`, the instance that served it.
 */
import { Agent, createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests forwarded to each upstream, in the order given. */
  served: number[];
  close(): Promise<void>;
}

/** Headers of one connection, never forwarded (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardable(headers: IncomingHttpHeaders, drop: (string | undefined)[] = []): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && !drop.includes(name) && value !== undefined) out[name] = value;
  }
  return out;
}

export async function startRoundRobinProxy(
  upstreams: readonly string[],
  options: { clientHeader?: string; pinHeader?: string; maxSocketsPerUpstream?: number } = {},
): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('round-robin proxy: no upstreams');
  const targets = upstreams.map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSocketsPerUpstream ?? 100 });
  const served = targets.map(() => 0);
  const clientHeader = options.clientHeader?.toLowerCase();
  const pinHeader = options.pinHeader?.toLowerCase();
  let next = 0;
  const pick = (pinned: string | string[] | undefined): number => {
    const wanted = Number(pinned);
    if (typeof pinned === 'string' && pinned !== '' && Number.isInteger(wanted) && targets[wanted])
      return wanted;
    const index = next;
    next = (next + 1) % targets.length;
    return index;
  };

  const server = createServer((req, res) => {
    const index = pick(pinHeader ? req.headers[pinHeader] : undefined);
    served[index] = (served[index] ?? 0) + 1;
    const target = targets[index]!;
    const given = clientHeader ? req.headers[clientHeader] : undefined;
    const client = (typeof given === 'string' && given) || req.socket.remoteAddress || '';
    const headers = forwardable(req.headers, [clientHeader, pinHeader]);
    const incoming = req.headers['x-forwarded-for'];
    const before = Array.isArray(incoming) ? incoming.join(', ') : incoming;
    headers['x-forwarded-for'] = before ? `${before}, ${client}` : client;
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...forwardable(answer.headers),
          'x-bench-upstream': String(index),
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy(error);
      else {
        res.writeHead(502, { 'content-type': 'text/plain', 'x-bench-upstream': String(index) });
        res.end(`upstream ${index} failed: ${error.message}`);
      }
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
