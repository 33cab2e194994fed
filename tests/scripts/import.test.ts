/**
 * `npm run import` as a person runs it: the summary, a second run changing nothing, every
 * problem with exit 1, usage errors with exit 2. The change is recorded in the audit log and
 * the registry's history: the command opens the embedded database under a temporary DATA_DIR
 * (no server holds it here), and the test reads both afterwards.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client';
import { writeSample } from '~scripts/sample/index';
import { csv, removeDir, snapshot, tempDir } from '../catalogue/import/helpers';
import { runScript } from './cli';

const HEADER = [
  'Cấp',
  'Khu vực',
  'Năm',
  'Ngày cấp',
  'Tên sản phẩm',
  'Nhóm sản phẩm',
  'Tên cơ sở',
  'Tỉnh thành',
  'Điểm',
];
let work: string;
let content: string;
let env: Record<string, string>;
beforeAll(async () => {
  work = await tempDir('cnnt-import-cli-');
  content = path.join(work, 'content');
  await writeSample(content, { products: 30, seed: 21 });
  env = { CONTENT_DIR: content, DATA_DIR: path.join(work, 'data') };
});
afterAll(async () => {
  await removeDir(work);
});

describe('npm run import', () => {
  it('imports, prints the summary, and a second run changes nothing', async () => {
    const file = path.join(work, 'list.csv');
    await writeFile(
      file,
      csv([
        HEADER,
        [
          'quốc gia',
          '',
          2023,
          '15/11/2023',
          'Kẹo dừa Bến Tre sáp',
          2,
          'Công ty TNHH Kẹo dừa Thanh Long',
          'Bến Tre',
          92,
        ],
      ]),
    );
    const dry = runScript('import.ts', [file, '--dry-run'], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('dry run');
    expect(dry.stdout).toMatch(/certificates\s+1 added\s+0 updated\s+0 unchanged/);

    const before = await snapshot(content);
    const first = runScript('import.ts', [file], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/facilities\s+1 added/);
    const after = await snapshot(content);
    expect(after).not.toEqual(before);
    expect(after['listings/listings.json']).toBe(before['listings/listings.json']);

    const second = runScript('import.ts', [file], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/certificates\s+0 added\s+0 updated\s+1 unchanged/);
    expect(second.stdout).toContain('No file changed.');
    expect(await snapshot(content)).toEqual(after);

    // One audit entry and one history state (after the baseline), for the run that wrote.
    const handle = await openDatabase({ pgliteDir: path.join(work, 'data', 'pglite') });
    try {
      const rows = async (query: ReturnType<typeof sql>) =>
        ((await handle.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
      const audit = await rows(
        sql`SELECT actor_label, target_type, after FROM audit_log WHERE action = 'registry.import'`,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_label).toBe('npm run import');
      const entry = audit[0]!.after as { stateId: number; file: string; diff: { counts: object } };
      expect(entry.file).toBe(file);
      expect(entry.diff.counts).toMatchObject({ certificates: { added: 1 } });
      const states = await rows(sql`SELECT id, action FROM registry_states ORDER BY id`);
      expect(states.map((r) => r.action)).toEqual(['baseline', 'import']);
      expect(Number(states[1]!.id)).toBe(entry.stateId);
      expect(first.stdout).toContain(`(state ${entry.stateId})`);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('exits 1 with every problem on invalid input and writes nothing', async () => {
    const file = path.join(work, 'bad.csv');
    await writeFile(
      file,
      csv([
        HEADER,
        ['tỉnh', '', 2010, '', 'Chè', 'food', 'HTX Chè', 'Thái Nguyên', ''],
        ['khu vực', '', 2020, '', 'Chè xanh', 9, 'HTX Chè', 'Thái Nguyên', ''],
      ]),
    );
    const before = await snapshot(content);
    const result = runScript('import.ts', [file], env);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith(file));
    expect(lines).toEqual([
      `${file}:2: Năm: year 2010 is before the programme's first round (2012)`,
      `${file}:3: Nhóm sản phẩm: unknown product group "9" (expected 1–4, a group name such as "Thủ công mỹ nghệ", or handicraft, food, machinery, other)`,
      `${file}:3: Khu vực: a regional certificate needs a region (phía Bắc, miền Trung - Tây Nguyên or phía Nam)`,
    ]);
    expect(result.stderr).toContain('nothing was written');
    expect(await snapshot(content)).toEqual(before);
  }, 60_000);

  it('exits 2 on usage errors', () => {
    expect(runScript('import.ts', [], env).status).toBe(2);
    expect(runScript('import.ts', ['--force', 'a.csv'], env).status).toBe(2);
    const wrongType = runScript('import.ts', [path.join(work, 'list.pdf')], env);
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toContain('.csv or .xlsx');
  }, 60_000);
});
