/**
 * The built server (`scripts/start.ts`) for a fault benchmark that must also read what the
 * server logged: a 5xx answered to a client that had already hung up reaches nobody, but the
 * server's request log (and Astro's "[ERROR]" lines) still show it. bench-context's
 * startServer discards stdout; this one keeps the lines that matter.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerLog {
  /** Request log lines with a 5xx status ("500 POST /api/orders/"). */
  requests5xx: string[];
  /** Astro's "[ERROR]" lines, each with the line after it (the error's message). */
  errors: string[];
}

export interface LoggedServer {
  url: string;
  /** What the server logged so far. */
  logged(): ServerLog;
  /** SIGTERM to the process group, then waits for the exit. */
  stop(): Promise<void>;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `env` adds to this process's environment; an undefined value removes the variable. */
export async function startLoggedServer(env: Record<string, string | undefined>): Promise<LoggedServer> {
  const port = await freePort();
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...env,
  };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn('npx', ['tsx', 'scripts/start.ts'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: ServerLog = { requests5xx: [], errors: [] };
  const reader = () => {
    let pending = '';
    let errorLine: string | undefined;
    return (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (errorLine !== undefined) log.errors.push(`${errorLine} — ${line.trim().slice(0, 200)}`);
        errorLine = line.includes('[ERROR]') ? line.slice(0, 200) : undefined;
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; status?: number; method?: string; path?: string };
          if (entry.msg === 'request' && (entry.status ?? 0) >= 500)
            log.requests5xx.push(`${entry.status} ${entry.method} ${String(entry.path).slice(0, 120)}`);
        } catch {
          // not a log line
        }
      }
    };
  };
  child.stdout.on('data', reader());
  child.stderr.on('data', reader());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A benchmark that dies must not leave the server running (it is detached, in its own group).
  const orphanGuard = () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  };
  process.once('exit', orphanGuard);
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() - started > 900_000) {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      throw new Error(`server at ${url} did not start within 15 minutes`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    logged: () => ({ requests5xx: [...log.requests5xx], errors: [...log.errors] }),
    async stop() {
      process.off('exit', orphanGuard);
      if (!child.pid) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      // npx exits at once; the server itself is still closing its database (and, with PGlite,
      // holds the folder's lock) until the whole group is gone.
      const until = Date.now() + 30_000;
      while (groupAlive(child.pid)) {
        if (Date.now() > until) {
          process.kill(-child.pid, 'SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
