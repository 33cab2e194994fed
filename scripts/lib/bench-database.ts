/**
 * A database of a benchmark's own on the machine's shared PostgreSQL server (BENCH_DATABASE_URL
 * or TEST_DATABASE_URL names the server, else postgres://postgres@127.0.0.1:5432/postgres),
 * named after the bench and its pid so sessions running benches at once never meet, and dropped
 * after. Where the server cannot be reached, the caller is told why and skips its PostgreSQL part.
 */
import pg from 'pg';

export interface BenchDatabase {
  /** The new database's URL. */
  url: string;
  /** Drops the database (closing any connection still on it) and the admin connection. */
  drop(): Promise<void>;
}

export type BenchDatabaseResult = { ok: true; database: BenchDatabase } | { ok: false; reason: string };

export async function createBenchDatabase(label: string): Promise<BenchDatabaseResult> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    admin.end().catch(() => undefined);
    return { ok: false, reason: `cannot connect to ${adminUrl} (${(error as Error).message})` };
  }
  const name = `cnnt_bench_${label}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    ok: true,
    database: {
      url: url.href,
      async drop() {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    },
  };
}
