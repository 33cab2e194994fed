/**
 * Forward-only SQL migrations: src/db/migrations/NNNN_name.sql, applied in file-name order,
 * each once, inside a transaction, recorded in schema_migrations. Numbering by capability
 * (01xx commerce, 02xx verification, 03xx sourcing) keeps parallel work from colliding.
 * Plain SQL keeps one schema for PGlite and PostgreSQL alike; each capability's db-schema.ts
 * mirrors its tables for drizzle queries, and tests/server/tables.test.ts checks the two agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

export function migrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? 'src/db/migrations');
}

export function listMigrations(dir = migrationsDir()): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

export async function runMigrations(runner: SqlRunner, dir = migrationsDir()): Promise<string[]> {
  // Serialise concurrent starters (several server processes on one PostgreSQL): the runner
  // must be one session, so the lock is held across the reads and writes below.
  await runner.exec('SELECT pg_advisory_lock(727274)');
  try {
    await runner.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await runner.query('SELECT name FROM schema_migrations')).map((r) => String(r.name)),
    );
    const done: string[] = [];
    for (const m of listMigrations(dir)) {
      if (applied.has(m.name)) continue;
      try {
        await runner.exec(
          `BEGIN;\n${m.sql}\nINSERT INTO schema_migrations (name) VALUES ('${m.name}');\nCOMMIT;`,
        );
      } catch (error) {
        // Leave the session usable (the unlock below) and report the migration's own error.
        await runner.exec('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await runner.exec('SELECT pg_advisory_unlock(727274)');
  }
}
