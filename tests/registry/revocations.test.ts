/**
 * Revoking and reversing through the registry (what the console and `npm run revoke` run), on
 * both databases: the file, the audit entry and the history state written together; a
 * replacement only when asked; refusals (bad date, unknown certificate, shared number, already
 * revoked) writing nothing at all; a real failure of the file write rolling back the audit entry
 * and the state; another writer holding the registry too long reported as busy.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FILES } from '~/catalogue/content-files';
import { withContentLock } from '~/catalogue/content-lock';
import { type Actor, auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { registryStates } from '~/registry/db-schema';
import { filesOfState, latestState, readRegistryFiles } from '~/registry/history-store';
import { RegistryBusyError, reverseCertificateRevocation, revokeCertificate } from '~/registry/revocations';
import { RevokeError } from '~/verification';
import { testEngines } from '../notifications/test-databases';
import { certificatesFile, writeContentDir, writtenCertificates } from './revocation-helpers';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };

/**
 * A copy of `dir` so deep that certificates.json can be read but not written: the temporary file
 * writeCollections stages beside it (about 20 characters longer) passes the 4,095-byte path
 * limit and fails with ENAMETOOLONG, a real error of the file write.
 */
function unwritableCopyOf(dir: string): string {
  const target = 4064; // + "/registry/certificates.json" ≤ 4095 < that + ".{pid}-{hex}.tmp"
  let deep = `${dir}-deep`;
  while (deep.length < target) deep += `/${'d'.repeat(Math.min(200, target - deep.length - 1))}`;
  mkdirSync(path.join(deep, 'registry'), { recursive: true });
  for (const file of Object.values(CONTENT_FILES)) {
    mkdirSync(path.dirname(path.join(deep, file)), { recursive: true });
    cpSync(path.join(dir, file), path.join(deep, file));
  }
  return deep;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`revocations in the registry on ${engine.name}`, () => {
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
    const count = async (table: typeof registryStates | typeof auditLog) =>
      Number(
        (
          (await handle.db.execute(sql`SELECT count(*) AS n FROM ${table}`)) as unknown as {
            rows: { n: string }[];
          }
        ).rows[0]!.n,
      );
    const auditOf = (id: string) =>
      handle.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.targetType} = 'certificate' AND ${auditLog.targetId} = ${id}`)
        .orderBy(auditLog.id);
    const revocationOf = (dir: string, id: string) =>
      writtenCertificates(dir).find((c) => c.id === id)!.revocation;

    it('revokes a certificate named by its printed number: file, audit entry and history state together', async () => {
      const dir = fresh();
      const before = await readRegistryFiles(dir);
      const done = await revokeCertificate(
        handle.db,
        operator,
        {
          certificate: 'so 173 gcn bct',
          date: '2025-06-01',
          reason: ' Giả mạo hồ sơ ',
          decision: '500/QĐ-BCT',
        },
        { dir },
      );
      const revocation = { date: '2025-06-01', reason: 'Giả mạo hồ sơ', decision: '500/QĐ-BCT' };
      expect(done).toMatchObject({
        kind: 'revoked',
        certificate: { id: 'qg-2023-nmpq', revocation },
        replaced: null,
      });
      expect(revocationOf(dir, 'qg-2023-nmpq')).toEqual(revocation);

      const [entry] = await auditOf('qg-2023-nmpq');
      expect(entry).toMatchObject({
        action: 'registry.revoke',
        actorLabel: 'op@example.vn',
        actorRole: 'operator',
        before: { revocation: null },
        after: { revocation, stateId: done.kind === 'revoked' ? done.stateId : -1 },
      });
      const state = (await latestState(handle.db))!;
      expect(state).toMatchObject({ action: 'revoke', actorLabel: 'op@example.vn' });
      expect(state.summary).toBe('revoke qg-2023-nmpq (173/GCN-BCT) from 2025-06-01: Giả mạo hồ sơ');
      // The state holds exactly what is on disk now; facilities and products are untouched.
      const after = await readRegistryFiles(dir);
      expect(await filesOfState(handle.db, state)).toEqual(after);
      expect(after.facilities).toBe(before.facilities);
      expect(after.products).toBe(before.products);
    });

    it('replaces a different revocation only when asked, and records what it replaced', async () => {
      const dir = fresh();
      const file = readFileSync(certificatesFile(dir), 'utf8');
      const audit = await count(auditLog);
      const request = { certificate: 'tinh-2022-am-chen', date: '2024-05-01', reason: 'Sai phạm về nhãn' };
      const refused = revokeCertificate(handle.db, operator, request, { dir });
      await expect(refused).rejects.toThrow(RevokeError);
      await expect(refused).rejects.toMatchObject({ problem: { code: 'already_revoked' } });
      expect(readFileSync(certificatesFile(dir), 'utf8')).toBe(file);
      expect(await count(auditLog)).toBe(audit);

      const old = revocationOf(dir, 'tinh-2022-am-chen')!;
      const done = await revokeCertificate(handle.db, operator, { ...request, replace: true }, { dir });
      expect(done).toMatchObject({ kind: 'revoked', replaced: old });
      expect(revocationOf(dir, 'tinh-2022-am-chen')).toEqual({
        date: '2024-05-01',
        reason: 'Sai phạm về nhãn',
      });
      const entries = await auditOf('tinh-2022-am-chen');
      expect(entries.at(-1)).toMatchObject({
        action: 'registry.revoke',
        before: { revocation: old },
        after: { revocation: { date: '2024-05-01', reason: 'Sai phạm về nhãn' } },
      });
      expect((await latestState(handle.db))!.summary).toContain('(replaces the revocation of 2024-03-01)');
    });

    it('reverses a revocation with its reason; a second reversal changes nothing', async () => {
      const dir = fresh();
      const old = revocationOf(dir, 'tinh-2022-am-chen')!;
      const done = await reverseCertificateRevocation(
        handle.db,
        operator,
        { certificate: 'tinh-2022-am-chen', reason: 'Ghi nhầm chứng nhận' },
        { dir },
      );
      expect(done).toMatchObject({ kind: 'reversed', reversed: old, reason: 'Ghi nhầm chứng nhận' });
      expect(revocationOf(dir, 'tinh-2022-am-chen')).toBeUndefined();
      const entries = await auditOf('tinh-2022-am-chen');
      expect(entries.at(-1)).toMatchObject({
        action: 'registry.unrevoke',
        before: { revocation: old },
        after: {
          revocation: null,
          reason: 'Ghi nhầm chứng nhận',
          stateId: (await latestState(handle.db))!.id,
        },
      });
      expect((await latestState(handle.db))!.action).toBe('unrevoke');

      const states = await count(registryStates);
      const again = await reverseCertificateRevocation(
        handle.db,
        operator,
        { certificate: 'tinh-2022-am-chen', reason: 'Ghi nhầm chứng nhận' },
        { dir },
      );
      expect(again.kind).toBe('unchanged');
      expect(await count(registryStates)).toBe(states);
    });

    it.each([
      ['a date that does not exist', { certificate: 'qg-2023-nmpq', date: '2025-02-30' }, 'invalid'],
      [
        'a date before the certificate was issued',
        { certificate: 'qg-2023-nmpq', date: '2020-01-01' },
        'before_issue',
      ],
      ['an unknown certificate', { certificate: 'khong-co', date: '2025-06-01' }, 'unknown_certificate'],
      [
        'a number printed on several certificates',
        { certificate: '12/GCN', date: '2025-06-01' },
        'ambiguous_number',
      ],
      ['a reason too short', { certificate: 'qg-2023-nmpq', date: '2025-06-01', reason: 'x' }, 'invalid'],
    ])('refuses %s, writing nothing', async (_what, change, code) => {
      const dir = fresh();
      const file = readFileSync(certificatesFile(dir), 'utf8');
      const [audit, states] = [await count(auditLog), await count(registryStates)];
      await expect(
        revokeCertificate(handle.db, operator, { reason: 'Giả mạo hồ sơ', ...change }, { dir }),
      ).rejects.toMatchObject({ name: 'RevokeError', problem: { code } });
      expect(readFileSync(certificatesFile(dir), 'utf8')).toBe(file);
      expect([await count(auditLog), await count(registryStates)]).toEqual([audit, states]);
    });

    it('records nothing when the same revocation is recorded again', async () => {
      const dir = fresh();
      const existing = revocationOf(dir, 'tinh-2022-am-chen')!;
      const audit = await count(auditLog);
      const done = await revokeCertificate(
        handle.db,
        operator,
        { certificate: 'tinh-2022-am-chen', ...existing },
        { dir },
      );
      expect(done.kind).toBe('unchanged');
      expect(await count(auditLog)).toBe(audit);
    });

    it('rolls the audit entry and the history state back when the file cannot be written', async () => {
      const deep = unwritableCopyOf(fresh());
      const file = readFileSync(path.join(deep, CONTENT_FILES.certificates), 'utf8');
      const [audit, states] = [await count(auditLog), await count(registryStates)];
      await expect(
        revokeCertificate(
          handle.db,
          operator,
          { certificate: 'qg-2023-nmpq', date: '2025-06-01', reason: 'Giả mạo hồ sơ' },
          { dir: deep },
        ),
      ).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
      expect(readFileSync(path.join(deep, CONTENT_FILES.certificates), 'utf8')).toBe(file);
      expect([await count(auditLog), await count(registryStates)]).toEqual([audit, states]);
    });

    it('says the registry is busy when another writer holds it longer than the wait', async () => {
      const dir = fresh();
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding: () => void = () => {};
      const taken = new Promise<void>((resolve) => (holding = resolve));
      const other = withContentLock(dir, async () => {
        holding();
        await held;
      });
      await taken;
      try {
        await expect(
          revokeCertificate(
            handle.db,
            operator,
            { certificate: 'qg-2023-nmpq', date: '2025-06-01', reason: 'Giả mạo hồ sơ' },
            { dir, lockTimeoutMs: 200 },
          ),
        ).rejects.toBeInstanceOf(RegistryBusyError);
      } finally {
        release();
        await other;
      }
      expect(revocationOf(dir, 'qg-2023-nmpq')).toBeUndefined();
    });
  });
}
