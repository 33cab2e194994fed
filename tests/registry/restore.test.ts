/**
 * Restoring an older registry state on both databases, through the real import and revocation
 * code: the round trip (import, revoke, restore the state before the import: the files come back
 * byte for byte except the revocation made since), a stale preview refused, a restore that would
 * change nothing, and a real failure of the file write rolling back the history and the audit
 * entry with it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import type { Certificate } from '~/catalogue/schemas';
import { type Actor, auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { registryStates } from '~/registry/db-schema';
import { latestState, readRegistryFiles, registrySha } from '~/registry/history-store';
import { importFileIntoRegistry } from '~/registry/import-apply';
import { previewRestore, restoreRegistryState } from '~/registry/restore';
import { revokeCertificate } from '~/registry/revocations';
import { csv } from '../catalogue/import/helpers';
import { testEngines } from '../notifications/test-databases';
import { writeContentDir } from './revocation-helpers';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };
const REGISTRY = ['facilities', 'products', 'certificates'] as const;

const HEADER = [
  'certificate_number',
  'decision',
  'level',
  'year',
  'issued_on',
  'product_name',
  'product_group',
  'facility_name',
  'province',
];
const LIST = csv([
  HEADER,
  [
    'KV2024-T01',
    '1/QĐ-BCT',
    'Cấp Quốc gia',
    2024,
    '01/10/2024',
    'Chè Shan tuyết Hảo Đạt',
    'Chế biến nông, lâm, thủy sản và thực phẩm',
    'HTX Chè Hảo Đạt',
    'Thái Nguyên',
  ],
  [
    'KV2024-T02',
    '1/QĐ-BCT',
    'Cấp Quốc gia',
    2024,
    '01/10/2024',
    'Bình gốm men lam',
    'Thủ công mỹ nghệ',
    'HTX Gốm Bát Tràng',
    'Hà Nội',
  ],
]);

const readFiles = (dir: string) =>
  Object.fromEntries(
    REGISTRY.map((n) => [n, readFileSync(path.join(dir, CONTENT_FILES[n]), 'utf8')]),
  ) as Record<(typeof REGISTRY)[number], string>;

/**
 * A content folder so deep that the registry files can be read but not written: the temporary
 * file writeCollections stages next to each (its name ~15 characters longer) passes the
 * system's 4,095-byte path limit and fails with ENAMETOOLONG, a real error of the file write.
 */
function unwritableCopyOf(dir: string): string {
  const target = 4064; // ≤ 4095 − "/registry/certificates.json"; > 4095 − "/registry/products.json" − 15
  let deep = `${dir}-deep`;
  while (deep.length < target) deep += `/${'d'.repeat(Math.min(200, target - deep.length - 1))}`;
  mkdirSync(path.join(deep, 'registry'), { recursive: true });
  for (const file of Object.values(CONTENT_FILES)) cpSync(path.join(dir, file), path.join(deep, file));
  return deep;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`restoring a registry state on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let dir: string;
    let listFile: string;
    beforeAll(async () => {
      handle = await engine.open();
      dir = writeContentDir(undefined, 'restore-');
      listFile = path.join(dir, 'list.csv');
      writeFileSync(listFile, LIST);
    });
    afterAll(async () => {
      await handle?.close();
      if (dir) {
        rmSync(dir, { recursive: true, force: true });
        rmSync(`${dir}-deep`, { recursive: true, force: true });
      }
    });

    const count = async (table: typeof registryStates | typeof auditLog) =>
      Number(
        (
          (await handle.db.execute(sql`SELECT count(*) AS n FROM ${table}`)) as unknown as {
            rows: { n: string }[];
          }
        ).rows[0]!.n,
      );

    let beforeImport: number;
    let original: ReturnType<typeof readFiles>;

    it('restores the state before an import: files as they were, revocations made since kept', async () => {
      original = readFiles(dir);
      const imported = await importFileIntoRegistry(handle.db, operator, {
        file: listFile,
        dryRun: false,
        dir,
      });
      if ('kind' in imported) throw new Error(imported.message);
      expect(imported.problems).toEqual([]);
      expect(imported.written).toBe(true);
      const importState = (await latestState(handle.db))!;
      expect(importState.action).toBe('import');
      beforeImport = importState.previousId!;
      expect(readFiles(dir).certificates).not.toBe(original.certificates);

      // Since the import: a certificate from before it is revoked, and one the import added too.
      const added = (JSON.parse(readFiles(dir).certificates) as Certificate[]).find(
        (c) => c.number === 'KV2024-T01',
      )!;
      const revocation = { date: '2025-01-02', reason: 'Không còn đáp ứng tiêu chí', decision: '5/QĐ-BCT' };
      await revokeCertificate(handle.db, operator, { certificate: 'qg-2023-nmpq', ...revocation }, { dir });
      await revokeCertificate(handle.db, operator, { certificate: added.id, ...revocation }, { dir });

      const preview = await previewRestore(handle.db, beforeImport, { dir });
      if (preview.kind !== 'preview') throw new Error(`no preview: ${JSON.stringify(preview)}`);
      expect(preview.unchanged).toBe(false);
      expect(preview.baseSha).toBe(registrySha(await readRegistryFiles(dir)));
      // What the import added goes, except the revoked certificate (with its product and facility).
      expect(preview.diff.certificates.removed.map((c) => c.number)).toEqual(['KV2024-T02']);
      expect(preview.plan.carried.certificates).toEqual([added.id]);
      expect(preview.plan.revocationsKept).toEqual(['qg-2023-nmpq']);

      const states = await count(registryStates);
      const result = await restoreRegistryState(
        handle.db,
        operator,
        { stateId: beforeImport, baseSha: preview.baseSha },
        { dir },
      );
      if (result.kind !== 'restored') throw new Error(`not restored: ${JSON.stringify(result)}`);
      expect(await count(registryStates)).toBe(states + 1);

      const restored = readFiles(dir);
      const byId = new Map((JSON.parse(original.certificates) as Certificate[]).map((c) => [c.id, c]));
      byId.set('qg-2023-nmpq', { ...byId.get('qg-2023-nmpq')!, revocation });
      const carried = (JSON.parse(restored.certificates) as Certificate[]).find((c) => c.id === added.id)!;
      expect(carried.revocation).toEqual(revocation);
      byId.set(added.id, carried);
      expect(restored.certificates).toBe(serialiseCollection([...byId.values()]));
      // Facilities and products: as before the import, plus the carried certificate's own.
      const carriedProduct = (JSON.parse(restored.products) as { id: string }[]).find(
        (p) => p.id === carried.productId,
      )!;
      expect(restored.products).toBe(serialiseCollection([...JSON.parse(original.products), carriedProduct]));

      const state = (await latestState(handle.db))!;
      expect(state).toMatchObject({ id: result.stateId, action: 'restore', restoredFromId: beforeImport });
      const [audit] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'registry.restore'), eq(auditLog.targetId, String(beforeImport))));
      expect(audit).toMatchObject({
        actorLabel: 'op@example.vn',
        after: { stateId: result.stateId, fromStateId: result.fromStateId, restoredStateId: beforeImport },
      });
      expect(result.fromStateId).toBe(state.previousId);
    });

    it('restores byte for byte when nothing was revoked since', async () => {
      // Undo the restore: bring back the state it replaced, then the state before the import again.
      const restore = (await latestState(handle.db))!;
      const back = await previewRestore(handle.db, restore.previousId!, { dir });
      if (back.kind !== 'preview') throw new Error('no preview');
      expect(
        (
          await restoreRegistryState(
            handle.db,
            operator,
            { stateId: restore.previousId!, baseSha: back.baseSha },
            { dir },
          )
        ).kind,
      ).toBe('restored');
      expect(readFiles(dir).certificates).toContain('KV2024-T02');
    });

    it('refuses a restore previewed on files that changed since, and writes nothing', async () => {
      const preview = await previewRestore(handle.db, beforeImport, { dir });
      if (preview.kind !== 'preview') throw new Error('no preview');
      await revokeCertificate(
        handle.db,
        operator,
        { certificate: 'kv-2024-binh-gom', date: '2025-02-03', reason: 'Thu hồi theo quyết định' },
        { dir },
      );
      const files = readFiles(dir);
      const [states, audits] = [await count(registryStates), await count(auditLog)];
      const result = await restoreRegistryState(
        handle.db,
        operator,
        { stateId: beforeImport, baseSha: preview.baseSha },
        { dir },
      );
      expect(result.kind).toBe('stale');
      expect(readFiles(dir)).toEqual(files);
      expect([await count(registryStates), await count(auditLog)]).toEqual([states, audits]);
    });

    it('says so when the registry already is that state', async () => {
      const latest = (await latestState(handle.db))!;
      const preview = await previewRestore(handle.db, latest.id, { dir });
      if (preview.kind !== 'preview') throw new Error('no preview');
      expect(preview.unchanged).toBe(true);
      expect(
        (
          await restoreRegistryState(
            handle.db,
            operator,
            { stateId: latest.id, baseSha: preview.baseSha },
            { dir },
          )
        ).kind,
      ).toBe('unchanged');
      expect((await previewRestore(handle.db, 999_999, { dir })).kind).toBe('not_found');
    });

    it('rolls back the state and the audit entry when writing the files fails', async () => {
      const deep = unwritableCopyOf(dir);
      expect(existsSync(path.join(deep, CONTENT_FILES.certificates))).toBe(true);
      const files = readFiles(deep);
      const preview = await previewRestore(handle.db, beforeImport, { dir: deep });
      if (preview.kind !== 'preview') throw new Error('no preview');
      const [states, audits] = [await count(registryStates), await count(auditLog)];
      await expect(
        restoreRegistryState(
          handle.db,
          operator,
          { stateId: beforeImport, baseSha: preview.baseSha },
          { dir: deep },
        ),
      ).rejects.toThrow(/ENAMETOOLONG/);
      expect([await count(registryStates), await count(auditLog)]).toEqual([states, audits]);
      expect(readFiles(deep)).toEqual(files);
    });
  });
}
