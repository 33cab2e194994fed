/** Shared helpers for the benchmark modules in scripts/bench/. */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

export interface BenchContext {
  /** Records a named result (also printed). */
  record(name: string, values: Record<string, number | string>): void;
  results: Record<string, Record<string, number | string>>;
  /** Starts the built site (`scripts/start.ts`) with extra env; stopped by cleanup(). */
  startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }>;
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

export function createBenchContext(): BenchContext {
  const children: ChildProcess[] = [];
  const results: BenchContext['results'] = {};
  let nextPort = 4500;
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
    async startServer(env) {
      const port = nextPort++;
      const child = spawn('npx', ['tsx', 'scripts/start.ts'], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/`, child, 900_000);
      return {
        url,
        stop: async () => {
          if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
          await new Promise((r) => child.once('exit', r));
        },
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
        if (child.exitCode === null && child.pid) {
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
