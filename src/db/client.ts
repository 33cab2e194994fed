/**
 * One PostgreSQL schema, two engines: real PostgreSQL when DATABASE_URL is set, otherwise
 * embedded PGlite keeping its files under DATA_DIR/pglite. Migrations run on first use.
 */

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dataDir, env } from '~/config/env';
import { runMigrations, type SqlRunner } from './migrate';

/**
 * Queries go through each capability's own drizzle tables (its db-schema.ts); no relational
 * `db.query` API is used, so the database handle knows no tables and db/ imports no capability.
 * The composition of every table lives in src/server/tables.ts.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Database;
  engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Opens a database (PostgreSQL URL or PGlite directory / "memory://") and migrates it. */
export async function openDatabase(
  options: { url?: string; pgliteDir?: string } = {},
): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
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
  const dir = options.pgliteDir ?? path.join(dataDir(), 'pglite');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const runner: SqlRunner = {
    exec: async (sql) => void (await client.exec(sql)),
    query: async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
  };
  await runMigrations(runner);
  return {
    db: drizzle(client) as unknown as Database,
    engine: 'pglite',
    close: () => client.close(),
  };
}

let shared: Promise<DatabaseHandle> | undefined;

/** The server's database, opened once per process from configuration. */
export function database(): Promise<DatabaseHandle> {
  shared ??= openDatabase({ url: env().DATABASE_URL });
  return shared;
}
