/**
 * The console import on both databases: a list is checked by the same engine as the CLI and
 * staged (nothing written), its review shows the facilities the identity rule merged and the
 * field-by-field diff; applying writes exactly what `npm run import` writes, with the history
 * state and the audit entry in one transaction. A file with one bad row stages nothing; a
 * stale base, a second apply, a discarded or expired import and a file that changes nothing are
 * refused with nothing written; a failed file write rolls the state and the audit entry back.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCollections } from '~/catalogue/content-files';
import { importRegistryFile } from '~/catalogue/import/index';
import type { Actor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { applyStagedImport, discardStagedImport } from '~/registry/import-apply';
import { checkUpload, type UploadedList } from '~/registry/import-file';
import { reviewImport, stageImport } from '~/registry/import-review';
import { STAGED_IMPORT_TTL_MS } from '~/registry/import-store';
import { csv } from '../catalogue/import/helpers';
import { testEngines } from '../notifications/test-databases';
import {
  badCsv,
  bytesOf,
  countOf,
  HEADER,
  RENAMED_ROWS,
  registryBytes,
  renamedCsv,
  rowsOf,
  smallRegistry,
  sql,
  unwritableCopyOf,
  writeContentDir,
  xlsxOf,
} from './import-helpers';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };

function upload(name: string, bytes: Uint8Array): UploadedList {
  const checked = checkUpload(name, bytes);
  if (!checked.ok) throw new Error(`upload refused: ${checked.refusal}`);
  return checked.list;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`console import on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    const dirs: string[] = [];
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
      for (const dir of dirs) {
        rmSync(dir, { recursive: true, force: true });
        rmSync(`${dir}-deep`, { recursive: true, force: true });
      }
    });
    const fresh = () => {
      const dir = writeContentDir();
      dirs.push(dir);
      return dir;
    };
    const db = () => handle.db;
    const audits = (action: string, id: number | string) =>
      rowsOf<{ after: Record<string, unknown> }>(
        db(),
        sql`SELECT after FROM audit_log WHERE action = ${action} AND target_id = ${String(id)} ORDER BY id`,
      );
    const importAudits = () =>
      countOf(db(), sql`SELECT count(*) AS n FROM audit_log WHERE action = 'registry.import'`);
    const states = () => countOf(db(), sql`SELECT count(*) AS n FROM registry_states`);

    it('stages a list: the merged facility with every name and row, the diff field by field, nothing written', async () => {
      const dir = fresh();
      const before = registryBytes(dir);
      const staged = await stageImport(db(), operator, upload('danh-sach.csv', bytesOf(renamedCsv())), {
        dir,
      });
      expect(staged.kind).toBe('staged');
      if (staged.kind !== 'staged') return;
      expect(registryBytes(dir)).toEqual(before);

      const { merged, diff, summary } = staged.review;
      expect(merged).toEqual([
        {
          id: 'che-hao-dat-thai-nguyen',
          name: 'Hợp tác xã chè Hảo Đạt',
          province: 'Thái Nguyên',
          names: [
            { name: 'HTX chè Hảo Đạt', rows: [4], inRegistry: true },
            { name: 'Hợp tác xã chè Hảo Đạt', rows: [2, 3], inRegistry: false },
          ],
        },
        {
          id: expect.stringMatching(/^keo-dua-thanh-long/),
          name: 'CÔNG TY TNHH KẸO DỪA THANH LONG',
          province: 'Vĩnh Long',
          names: [
            { name: 'Công ty TNHH Kẹo dừa Thanh Long', rows: [5], inRegistry: false },
            { name: 'CÔNG TY TNHH KẸO DỪA THANH LONG', rows: [6], inRegistry: false },
          ],
        },
      ]);
      expect(diff.facilities.changed).toHaveLength(1);
      expect(diff.facilities.changed[0]!.fields).toEqual([
        { field: 'name', before: 'HTX chè Hảo Đạt', after: 'Hợp tác xã chè Hảo Đạt' },
        { field: 'phone', before: '0208 3855 111', after: '0208 3855 999' },
      ]);
      expect(diff.facilities.added).toHaveLength(1);
      expect(diff.products.added.map((p) => p.name).sort()).toEqual([
        'Chè móc câu',
        'Kẹo dừa lá dứa',
        'Kẹo dừa sáp',
      ]);
      expect(diff.certificates.added).toHaveLength(4);
      expect(diff.certificates.unchanged).toBe(1);
      expect(summary.rows).toBe(5);

      const [stage] = await audits('registry.import_stage', staged.id);
      expect(stage!.after).toMatchObject({ file: 'danh-sach.csv', summary: { rows: 5 }, merged: 2 });
      const reviewed = await reviewImport(db(), staged.id, { dir });
      expect(reviewed).toMatchObject({ kind: 'import', status: 'staged' });
      expect(reviewed.kind === 'import' && reviewed.review?.diff).toEqual(diff);
    });

    it('applies once: the same files as npm run import, one state and one audit entry, then refuses again', async () => {
      const dir = fresh();
      const cliDir = fresh();
      const list = path.join(cliDir, 'list.csv');
      writeFileSync(list, renamedCsv());
      await importRegistryFile(list, { contentDir: cliDir });

      const staged = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), { dir });
      if (staged.kind !== 'staged') throw new Error('not staged');
      const statesBefore = await states();
      const applied = await applyStagedImport(db(), operator, staged.id, { dir });
      expect(applied.kind).toBe('applied');
      if (applied.kind !== 'applied') return;
      expect(registryBytes(dir)).toEqual(registryBytes(cliDir));
      // The baseline (the files as found) and the import.
      expect(await states()).toBe(statesBefore + 2);

      const [entry] = await audits('registry.import', staged.id);
      expect(entry!.after).toMatchObject({
        stateId: applied.stateId,
        file: 'list.csv',
        sha256: upload('list.csv', bytesOf(renamedCsv())).sha256,
        summary: { rows: 5, facilities: { added: 1, updated: 1 } },
        changedFiles: ['registry/facilities.json', 'registry/products.json', 'registry/certificates.json'],
        diff: { counts: { certificates: { added: 4, unchanged: 1 } }, truncated: false },
      });
      expect((entry!.after.merged as unknown[]).length).toBe(2);
      const [row] = await rowsOf<{ status: string; state_id: string; file_bytes: unknown }>(
        db(),
        sql`SELECT status, state_id, file_bytes FROM registry_imports WHERE id = ${staged.id}`,
      );
      expect(row).toMatchObject({ status: 'applied', file_bytes: null });
      expect(Number(row!.state_id)).toBe(applied.stateId);

      const after = registryBytes(dir);
      const auditsBefore = await importAudits();
      expect(await applyStagedImport(db(), operator, staged.id, { dir })).toEqual({
        kind: 'applied_before',
        stateId: applied.stateId,
      });
      expect(await discardStagedImport(db(), operator, staged.id)).toBe('decided');
      expect(registryBytes(dir)).toEqual(after);
      expect(await importAudits()).toBe(auditsBefore);
      expect(await reviewImport(db(), staged.id, { dir })).toMatchObject({ status: 'applied' });
    });

    it('stages nothing from a file with a bad row, and lists every bad row in both languages', async () => {
      const dir = fresh();
      const before = registryBytes(dir);
      const count = () => countOf(db(), sql`SELECT count(*) AS n FROM registry_imports`);
      const staged0 = await count();
      const outcome = await stageImport(db(), operator, upload('bad.csv', bytesOf(badCsv())), { dir });
      expect(outcome.kind).toBe('problems');
      if (outcome.kind !== 'problems') return;
      expect(outcome.problems.map((p) => [p.row, p.column])).toEqual([
        [3, 'Cấp'],
        [5, 'Tỉnh thành'],
      ]);
      expect(outcome.problems[0]!.message).toContain('unknown level "trung ương"');
      expect(outcome.problems[0]!.messageVi).toBe(
        'cấp “trung ương” không hợp lệ (cần một trong: quốc gia, khu vực, tỉnh, huyện, xã)',
      );
      expect(outcome.problems[1]!.messageVi).toContain('không có tỉnh/thành “Atlantis”');
      expect(await count()).toBe(staged0);
      expect(registryBytes(dir)).toEqual(before);
    });

    it('reads an XLSX list the same as its CSV', async () => {
      const dir = fresh();
      const xlsx = await stageImport(
        db(),
        operator,
        upload('danh-sach.xlsx', await xlsxOf([HEADER, ...RENAMED_ROWS])),
        { dir },
      );
      const fromCsv = await stageImport(db(), operator, upload('danh-sach.csv', bytesOf(renamedCsv())), {
        dir,
      });
      if (xlsx.kind !== 'staged' || fromCsv.kind !== 'staged') throw new Error('not staged');
      expect(xlsx.review.diff).toEqual(fromCsv.review.diff);
      expect(xlsx.review.merged).toEqual(fromCsv.review.merged);
    });

    it('refuses a stale import once the registry changed, writing nothing', async () => {
      const dir = fresh();
      const staged = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), { dir });
      if (staged.kind !== 'staged') throw new Error('not staged');
      // Someone revokes a certificate meanwhile.
      const data = smallRegistry();
      data.certificates[0]!.revocation = { date: '2025-03-01', reason: 'Cơ sở ngừng sản xuất' };
      await writeCollections(dir, { certificates: data.certificates });
      const changed = registryBytes(dir);
      const auditsBefore = await importAudits();

      expect(await reviewImport(db(), staged.id, { dir })).toMatchObject({ status: 'stale' });
      expect(await applyStagedImport(db(), operator, staged.id, { dir })).toEqual({ kind: 'stale' });
      expect(registryBytes(dir)).toEqual(changed);
      expect(await importAudits()).toBe(auditsBefore);
      // A new upload is checked against the files as they are, and keeps the revocation.
      const again = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), { dir });
      if (again.kind !== 'staged') throw new Error('not staged');
      expect(await applyStagedImport(db(), operator, again.id, { dir })).toMatchObject({ kind: 'applied' });
      expect(registryBytes(dir).certificates).toContain('Cơ sở ngừng sản xuất');
    });

    it('refuses a discarded or expired import, and one that changes nothing', async () => {
      const dir = fresh();
      const before = registryBytes(dir);
      const staged = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), { dir });
      if (staged.kind !== 'staged') throw new Error('not staged');
      expect(await discardStagedImport(db(), operator, staged.id)).toBe('discarded');
      expect(await audits('registry.import_discard', staged.id)).toHaveLength(1);
      expect(await applyStagedImport(db(), operator, staged.id, { dir })).toEqual({ kind: 'discarded' });

      const old = new Date(Date.now() - STAGED_IMPORT_TTL_MS - 60_000);
      const expired = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), {
        dir,
        now: old,
      });
      if (expired.kind !== 'staged') throw new Error('not staged');
      expect(await reviewImport(db(), expired.id, { dir })).toMatchObject({ status: 'expired' });
      expect(await applyStagedImport(db(), operator, expired.id, { dir })).toEqual({ kind: 'expired' });
      expect(registryBytes(dir)).toEqual(before);

      // The registry's own certificate, listed as it is: nothing to apply.
      const sameList = csv([
        HEADER,
        [
          1,
          'TN-2019-07',
          'tỉnh',
          2019,
          'Chè Tân Cương Hảo Đạt',
          'food',
          'HTX chè Hảo Đạt',
          'Thái Nguyên',
          '0208 3855 111',
        ],
      ]);
      const same = await stageImport(db(), operator, upload('same.csv', bytesOf(sameList)), { dir });
      if (same.kind !== 'staged') throw new Error('not staged');
      expect(same.review.merged).toEqual([]);
      expect(await applyStagedImport(db(), operator, same.id, { dir })).toEqual({ kind: 'unchanged' });
      expect(registryBytes(dir)).toEqual(before);
    });

    it('rolls the state and the audit entry back when writing the files fails', async () => {
      const dir = fresh();
      const deep = unwritableCopyOf(dir);
      const before = registryBytes(deep);
      const staged = await stageImport(db(), operator, upload('list.csv', bytesOf(renamedCsv())), {
        dir: deep,
      });
      if (staged.kind !== 'staged') throw new Error('not staged');
      const statesBefore = await states();
      const auditsBefore = await importAudits();
      await expect(applyStagedImport(db(), operator, staged.id, { dir: deep })).rejects.toThrow(
        /ENAMETOOLONG/,
      );
      expect(await states()).toBe(statesBefore);
      expect(await importAudits()).toBe(auditsBefore);
      expect(registryBytes(deep)).toEqual(before);
      // Still staged, and applies once the files can be written.
      expect(await reviewImport(db(), staged.id, { dir: deep })).toMatchObject({ status: 'staged' });
    });
  });
}
