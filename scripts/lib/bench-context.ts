/** Shared helpers for the benchmark modules in scripts/bench/. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export interface BenchServer {
  url: string;
  /** The process group's id (the detached `npx` at its head). */
  pid: number;
  /** Graceful stop: SIGTERM to the group, resolves when it has exited. */
  stop(): Promise<void>;
  /** Sends `signal` to the whole group (SIGKILL: a crash) and resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface BenchContext {
  /** Records a named result (also printed). */
  record(name: string, values: Record<string, number | string>): void;
  results: Record<string, Record<string, number | string>>;
  /**
   * Starts the built site with extra env (`scripts/start.ts`, or another launcher script);
   * stopped by cleanup().
   */
  startServer(env: Record<string, string>, script?: string): Promise<BenchServer>;
  /** Load test with autocannon: latency percentiles in ms and requests per second. */
  load(
    options: autocannon.Options,
  ): Promise<{ p50: number; p95: number; p99: number; rps: number; errors: number; non2xx: number }>;
  cleanup(): Promise<void>;
}

export interface BenchModule {
  run(ctx: BenchContext): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

/**
 * A port nothing listens on now: benches of several sessions run at once on one machine, and
 * a fixed range could let waitFor reach another session's server.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Signals the child's process group and waits for the child to exit. */
async function signalGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(child) || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, signal);
  await exited;
}

export function createBenchContext(): BenchContext {
  const children: ChildProcess[] = [];
  const results: BenchContext['results'] = {};
  return {
    results,
    record(name, values) {
      results[name] = values;
      console.log(
        `${name}: ${Object.entries(values)
          .map(([k, v]) => `${k}=${v}`)
          .join('  ')}`,
      );
    },
    async startServer(env, script = 'scripts/start.ts') {
      const port = await freePort();
      const child = spawn('npx', ['tsx', script], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/`, child, 900_000);
      return {
        url,
        pid: child.pid!,
        stop: () => signalGroup(child, 'SIGTERM'),
        kill: (signal) => signalGroup(child, signal),
      };
    },
    async load(options) {
      const result = await autocannon({ duration: 10, ...options });
      return {
        p50: result.latency.p50,
        p95: result.latency.p97_5 !== undefined ? percentile95(result) : result.latency.p99,
        p99: result.latency.p99,
        rps: Math.round(result.requests.average),
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      };
    },
    async cleanup() {
      for (const child of children) {
        if (!hasExited(child) && child.pid) {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
        }
      }
    },
  };
}

/** autocannon reports p90 and p97.5 but not p95: interpolate between them. */
function percentile95(result: autocannon.Result): number {
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90)) * 100) / 100;
}
