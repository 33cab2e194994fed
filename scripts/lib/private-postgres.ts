/**
 * A PostgreSQL cluster of the bench's own (initdb in a temp folder, trust auth, 127.0.0.1 on a
 * free port, its unix socket in the same folder) that a fault benchmark may stop, crash and
 * start at will: the machine's shared server on 5432 serves other sessions and must not be
 * restarted. Uses the binaries of PostgreSQL 15 (PG_BIN overrides the folder). initdb refuses
 * to run as root, so as root every command runs as the `postgres` user (runuser), which then
 * owns the folder.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** How pg_ctl stops the server: `fast` ends sessions and checkpoints; `immediate` is a crash. */
export type StopMode = 'fast' | 'immediate';

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** The cluster's data folder (its log is server.log beside it). */
  dataDir: string;
  /** Starts the server and resolves once it accepts connections. */
  start(): Promise<void>;
  stop(mode: StopMode): Promise<void>;
  restart(mode: StopMode): Promise<void>;
  /** Stops the server if it runs (immediately) and deletes the folder. */
  destroy(): Promise<void>;
}

export type PrivatePostgresResult = { ok: true; cluster: PrivatePostgres } | { ok: false; reason: string };

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

/** The uid and gid of the `postgres` user, read from `id` (no /etc/passwd parsing). */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates and starts a private cluster, or says why it cannot (no binaries, root without a
 * `postgres` user, initdb failed); the caller skips its scenario with that reason.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgresResult> {
  if (!existsSync(path.join(BIN, 'initdb')) || !existsSync(path.join(BIN, 'pg_ctl')))
    return { ok: false, reason: `no initdb/pg_ctl in ${BIN} (set PG_BIN to PostgreSQL's bin folder)` };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : undefined;
  if (asRoot && !owner) return { ok: false, reason: 'running as root and there is no postgres user' };

  const root = mkdtempSync(path.join(tmpdir(), 'bench-private-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  mkdirSync(dataDir, { mode: 0o700 });
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chownSync(dataDir, owner.uid, owner.gid);
  }
  // As root, the tools run as postgres, from a folder postgres may enter.
  const tool = async (name: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, name), ...args]]
      : [path.join(BIN, name), args];
    return run(file, argv, { cwd: root, timeout: 120_000 });
  };

  const port = await freePort();
  try {
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    return { ok: false, reason: `initdb failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  let running = false;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async start() {
      await tool('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]);
      running = true;
    },
    async stop(mode) {
      await tool('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
      running = false;
    },
    async restart(mode) {
      await cluster.stop(mode);
      await cluster.start();
    },
    async destroy() {
      if (running) await cluster.stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    return { ok: false, reason: `pg_ctl start failed: ${(error as Error).message.split('\n')[0]}` };
  }
  return { ok: true, cluster };
}
