/**
 * One PostgreSQL schema, two engines: real PostgreSQL when DATABASE_URL is set, otherwise
 * embedded PGlite keeping its files under DATA_DIR/pglite. Migrations run on first use.
 * PGlite is single-process: opening its folder takes an exclusive lock (./folder-lock.ts) that
 * close() releases, so a second process is refused instead of corrupting the files.
 */

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dataDir, env } from '~/config/env';
import { log } from '~/config/log';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { runMigrations, type SqlRunner } from './migrate';

/**
 * Queries go through each capability's own drizzle tables (its db-schema.ts); no relational
 * `db.query` API is used, so the database handle knows no tables and db/ imports no capability.
 * The composition of every table lives in src/server/tables.ts.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** How long opening a PostgreSQL connection (or waiting for a free one) may take. */
export const CONNECT_TIMEOUT_MS = 5_000;

export interface DatabaseHandle {
  db: Database;
  engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens a database (PostgreSQL URL or PGlite directory / "memory://") and migrates it. */
export async function openDatabase(
  options: {
    url?: string;
    pgliteDir?: string;
    /** Who opens it, named in the lock for a process that is refused ("the server"). */
    role?: string;
  } = {},
): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      // A database that takes the connection and never answers (or a full pool) fails the
      // request within this time instead of holding it until the client gives up.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // A restart or crash of PostgreSQL ends every connection: pg then emits 'error' on the
    // pool (idle connections) and on each connection a transaction holds between statements;
    // unheard, that event crashes the process. The query that was running or comes next fails
    // (503 at the edge) and the pool drops the dead connection and opens new ones.
    pool.on('connect', (client) =>
      // Only what says why: pg's connection errors can carry the whole client object.
      client.on('error', (error: Error & { code?: string }) =>
        log().warn({ error: error.message, code: error.code }, 'database connection lost'),
      ),
    );
    pool.on('error', () => {}); // an idle connection's: its own listener above logged it
    const session = await pool.connect();
    try {
      const runner: SqlRunner = {
        exec: async (sql) => void (await session.query(sql)),
        query: async (sql, params) => (await session.query(sql, params)).rows as Record<string, unknown>[],
      };
      await runMigrations(runner);
    } finally {
      session.release();
    }
    return {
      db: drizzle(pool) as unknown as Database,
      engine: 'postgres',
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = options.pgliteDir ?? pgliteDir();
  let lock: FolderLock | undefined;
  if (!dir.startsWith('memory://')) {
    lock = acquireFolderLock(dir, options.role ?? defaultRole());
    mkdirSync(dir, { recursive: true });
  }
  try {
    const client = new PGlite(dir);
    const runner: SqlRunner = {
      exec: async (sql) => void (await client.exec(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
    };
    await runMigrations(runner);
    return {
      db: drizzle(client) as unknown as Database,
      engine: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The embedded database's folder for this configuration. */
export function pgliteDir(): string {
  return path.join(dataDir(), 'pglite');
}

function defaultRole(): string {
  const script = path.basename(process.argv[1] ?? '', '.ts');
  return script && script !== 'start' ? `npm run ${script}` : 'the server';
}

// Shared by every copy of this module in the process: the server's scripts and the built site
// bundle each carry one, and they must use one handle (one PGlite, one lock).
const SHARED = Symbol.for('cnnt.db.shared');
type SharedSlot = { handle?: Promise<DatabaseHandle> };
const slot: SharedSlot = ((globalThis as Record<symbol, unknown>)[SHARED] as SharedSlot | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[SHARED] = slot;

/** The server's database, opened once per process from configuration. */
export function database(): Promise<DatabaseHandle> {
  slot.handle ??= openDatabase({ url: env().DATABASE_URL, role: 'the server' }).catch((error: unknown) => {
    slot.handle = undefined; // a later call may try again (PostgreSQL back up)
    throw error;
  });
  return slot.handle;
}

/** Closes the server's database if it was opened (graceful shutdown); later calls reopen it. */
export async function closeDatabase(): Promise<void> {
  const opening = slot.handle;
  slot.handle = undefined;
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
}
