/**
 * The databases integration tests run on: embedded PGlite in memory always, and PostgreSQL
 * when TEST_DATABASE_URL is set, each suite in its own throw-away schema so parallel test
 * files never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '~/db/client';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Why the engine is skipped, or undefined when it runs. */
  skipReason: string | undefined;
  open(): Promise<DatabaseHandle>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** Opens a fresh schema on TEST_DATABASE_URL; close() drops it. */
export async function openPostgresSchema(
  url: string,
  prefix = 't',
): Promise<DatabaseHandle & { url: string }> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const handle = await openDatabase({ url: scoped.href });
  return {
    ...handle,
    url: scoped.href,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
      await dropper.end();
    },
  };
}

export function testEngines(): TestEngine[] {
  const skip = pgUrl ? undefined : 'TEST_DATABASE_URL is not set';
  if (skip) console.warn(`PostgreSQL integration tests skipped: ${skip}.`);
  return [
    { name: 'pglite', skipReason: undefined, open: () => openDatabase({ pgliteDir: 'memory://' }) },
    { name: 'postgres', skipReason: skip, open: () => openPostgresSchema(pgUrl!) },
  ];
}
