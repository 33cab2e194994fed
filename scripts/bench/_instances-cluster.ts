/**
 * The setting of 62-faults-instances: two server instances on one PostgreSQL database (and one
 * DATA_DIR) behind the round-robin proxy, the bench's own connection to that database, the
 * requests it sends and the verdicts it keeps.
 */
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { BenchContext, BenchServer } from '../lib/bench-context';
import { buildIsFresh } from '../lib/build-freshness';
import { type RoundRobinProxy, startRoundRobinProxy } from '../lib/round-robin-proxy';

/** Bench-only proxy headers: the client address the proxy appends, the upstream to use. */
const CLIENT_HEADER = 'x-bench-client';
const PIN_HEADER = 'x-bench-pin';

export interface Cluster {
  proxy: RoundRobinProxy;
  /** Instance 0 and 1, in the proxy's upstream order. */
  servers: BenchServer[];
  /** Their names (a, b, …), also in the address they send mail from. */
  names: readonly [string, string];
  /** The bench's own connection to the instances' database, for reading what they wrote. */
  db: pg.Client;
  checks: Checks;
}

/** Records each check with its verdict and keeps the failures, so the run can end with all of them. */
export class Checks {
  readonly failures: string[] = [];
  constructor(private readonly ctx: BenchContext) {}

  report(name: string, values: Record<string, number | string>, problems: string[]): void {
    this.ctx.record(name, {
      ...values,
      verdict: problems.length ? `FAILED: ${problems.join('; ')}` : 'OK',
    });
    if (problems.length) this.failures.push(`${name}: ${problems.join('; ')}`);
  }
}

/**
 * Starts the two instances and the proxy in front of them. Each sends mail from its own
 * address, so the SMTP sink can tell which instance delivered what. One after the other: a
 * server finding dist/ older than its inputs builds it first (scripts/start.ts), and two builds
 * at once in one folder break it; the second finds the first's build fresh. (Both meet anyway:
 * they create the development secrets in the shared DATA_DIR at the first order, together.)
 */
export async function startCluster(
  ctx: BenchContext,
  env: Record<string, string>,
  db: pg.Client,
  checks: Checks,
  names: readonly [string, string],
): Promise<Cluster> {
  const servers: BenchServer[] = [];
  for (const name of names) {
    if (!buildIsFresh()) throw new Error('dist/ is older than its inputs: run `npm run build` first');
    servers.push(
      await ctx.startServer({ ...env, MAIL_FROM: `Bench ${name} <instance-${name}@bench.example>` }),
    );
  }
  const proxy = await startRoundRobinProxy(
    servers.map((s) => s.url),
    { clientHeader: CLIENT_HEADER, pinHeader: PIN_HEADER },
  );
  return { proxy, servers, names, db, checks };
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  await cluster.proxy.close();
  await Promise.all(cluster.servers.map((s) => s.stop()));
}

/** The instance that sent a mail, from its envelope sender (see startCluster). */
export function instanceOfSender(from: string): string {
  return /^instance-([a-z])@/.exec(from)?.[1] ?? '?';
}

let lastClient = 0;
/** The run's own second octet: Redis outlives the run, and counts of an earlier run must not meet these. */
const runOctet = randomInt(256);

/** A client address nobody has used in this run (10.r.x.y). */
export function nextClient(): string {
  lastClient += 1;
  return `10.${runOctet}.${(lastClient >> 8) & 255}.${lastClient & 255}`;
}

export interface Answer {
  status: number;
  /** The instance that answered (the proxy's x-bench-upstream), -1 when unknown. */
  upstream: number;
  body: unknown;
  headers: Headers;
}

/**
 * One request through the proxy as `client` (appended to X-Forwarded-For by the proxy);
 * `pin` sends it to that instance rather than the next in turn.
 */
export async function call(
  cluster: Cluster,
  path: string,
  options: {
    method?: string;
    body?: unknown;
    client?: string;
    pin?: number;
    headers?: Record<string, string>;
  },
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.client) headers[CLIENT_HEADER] = options.client;
  if (options.pin !== undefined) headers[PIN_HEADER] = String(options.pin);
  const res = await fetch(`${cluster.proxy.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  if (res.headers.get('content-type')?.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text
    }
  }
  return {
    status: res.status,
    upstream: Number(res.headers.get('x-bench-upstream') ?? -1),
    body,
    headers: res.headers,
  };
}

/** How many answers had each status, as "201×10 409×990". */
export function statusTally(answers: readonly { status: number }[]): string {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
}

/** How many answers each instance gave, as [instance 0, instance 1]. */
export function perInstance(answers: readonly { upstream: number }[]): [number, number] {
  return [answers.filter((a) => a.upstream === 0).length, answers.filter((a) => a.upstream === 1).length];
}

export const buyer = {
  name: 'Khách Benchmark',
  phone: '0912345678',
  email: 'khach.benchmark@example.vn',
  address: '1 Tràng Tiền, phường Hoàn Kiếm',
  province: 'Hà Nội',
};
