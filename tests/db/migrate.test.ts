import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { listMigrations, runMigrations, type SqlRunner } from '~/db/migrate';

function runnerFor(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params)).rows as Record<string, unknown>[],
  };
}

describe('migrations', () => {
  it('applies files in order, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mig-'));
    writeFileSync(path.join(dir, '0002_b.sql'), 'ALTER TABLE t ADD COLUMN b int;');
    writeFileSync(path.join(dir, '0001_a.sql'), 'CREATE TABLE t (a int);');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const db = new PGlite();
    expect(await runMigrations(runnerFor(db), dir)).toEqual(['0001_a.sql', '0002_b.sql']);
    expect(await runMigrations(runnerFor(db), dir)).toEqual([]);
    await db.exec('INSERT INTO t (a, b) VALUES (1, 2)');
    await db.close();
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mig-'));
    writeFileSync(path.join(dir, '0001_bad.sql'), 'CREATE TABLE u (a int); SELECT * FROM missing_table;');
    const db = new PGlite();
    await expect(runMigrations(runnerFor(db), dir)).rejects.toThrow(/0001_bad\.sql failed: .*missing_table/);
    const tables = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'u'");
    expect(tables.rows).toHaveLength(0);
    await db.close();
  });

  it("lists the project's migrations with well-formed names", () => {
    for (const m of listMigrations()) expect(m.name).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
  });
});
