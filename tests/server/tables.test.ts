/**
 * The drizzle tables of every capability (composed in src/server/tables.ts) describe exactly
 * the tables and columns the SQL migrations create, and no migrated table lacks one.
 */
import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '~/db/client';
import { ALL_TABLES, TABLES_BY_CAPABILITY } from '~/server/tables';

describe('tables: drizzle matches SQL', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  });
  afterAll(() => handle?.close());

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;

  it('composes the tables of every capability that has some', () => {
    expect(Object.keys(TABLES_BY_CAPABILITY).sort()).toEqual([
      'accounts',
      'audit',
      'commerce',
      'listings',
      'notifications',
      'portal',
      'registry',
      'security',
      'sourcing',
      'verification',
    ]);
    for (const tables of Object.values(TABLES_BY_CAPABILITY)) expect(tables.length).toBeGreaterThan(0);
  });

  it('defines every migrated table, and no other', async () => {
    const migrated = await rows<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`,
    );
    expect(ALL_TABLES.map((t) => getTableConfig(t).name).sort()).toEqual(migrated.map((r) => r.table_name));
  });

  it.each(ALL_TABLES.map((t) => [getTableConfig(t).name, t] as const))(
    '%s has the same columns',
    async (name, table) => {
      const columns = await rows<{ column_name: string; is_nullable: string }>(
        sql`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = ${name} ORDER BY column_name`,
      );
      const inSql = columns.map((r) => `${r.column_name}${r.is_nullable === 'NO' ? '!' : ''}`);
      const inDrizzle = getTableConfig(table)
        .columns.map((c) => `${c.name}${c.notNull ? '!' : ''}`)
        .sort();
      expect(inDrizzle).toEqual(inSql);
    },
  );
});
