import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialiseCollection } from '~/catalogue/content-files';
import { auditLog } from '~/db/audit-log';
import { openDatabase } from '~/db/client';
import { registryStates } from '~/registry/db-schema';
import { adminSocketPath, listenAdminSocket } from '~/server/admin-socket';
import { applyRevocation, RevokeError, reverseRevocation } from '~/verification/revoke';
import { openPostgresSchema } from '../notifications/test-databases';
import { certificatesFile, writeContentDir, writtenCertificates } from '../registry/revocation-helpers';
import { sampleData } from './fixtures';

const certs = sampleData().certificates;
const request = {
  certificate: '173/GCN-BCT',
  date: '2025-06-01',
  reason: 'Giả mạo hồ sơ',
  decision: '500/QĐ-BCT',
};

describe('applyRevocation', () => {
  it('records the revocation on the certificate named by number or id', () => {
    const outcome = applyRevocation(certs, request);
    expect(outcome.kind).toBe('revoked');
    if (outcome.kind !== 'revoked') return;
    expect(outcome.certificate.revocation).toEqual({
      date: '2025-06-01',
      reason: 'Giả mạo hồ sơ',
      decision: '500/QĐ-BCT',
    });
    expect(
      outcome.certificates
        .filter((c) => c.revocation)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['qg-2023-nmpq', 'tinh-2022-am-chen']);
    expect(certs.find((c) => c.id === 'qg-2023-nmpq')!.revocation).toBeUndefined(); // input untouched
  });

  it.each([
    [{ certificate: 'nope' }, /no certificate has the id or number "nope"/],
    [{ certificate: '12/GCN' }, /several certificates; name one by id: tinh-2018-am-chen, tinh-2022-am-chen/],
    [{ date: '2025-02-30' }, /--date: not a real calendar date/],
    [{ date: '01/06/2025' }, /--date: expected a date as yyyy-mm-dd/],
    [{ reason: ' x ' }, /--reason: String must contain at least 3/],
    [{ date: '2023-01-01' }, /before the certificate was issued \(2023-11-20\)/],
    [{ certificate: 'tinh-2022-am-chen' }, /already revoked on 2024-03-01 .*--replace/],
  ])('refuses %o', (change, message) => {
    expect(() => applyRevocation(certs, { ...request, ...change })).toThrow(RevokeError);
    expect(() => applyRevocation(certs, { ...request, ...change })).toThrow(message);
  });

  it('says what was wrong as data, for callers that word it in their own language', () => {
    const problem = (change: Partial<typeof request>) => {
      try {
        applyRevocation(certs, { ...request, ...change });
      } catch (error) {
        return (error as RevokeError).problem;
      }
      throw new Error('not refused');
    };
    expect(problem({ certificate: 'nope' })).toEqual({ code: 'unknown_certificate', text: 'nope' });
    expect(problem({ certificate: '12/GCN' })).toEqual({
      code: 'ambiguous_number',
      text: '12/GCN',
      ids: ['tinh-2018-am-chen', 'tinh-2022-am-chen'],
    });
    expect(problem({ date: '2025-02-30', reason: 'x' })).toEqual({
      code: 'invalid',
      fields: ['date', 'reason'],
    });
    expect(problem({ decision: 'x'.repeat(101) })).toEqual({ code: 'invalid', fields: ['decision'] });
    expect(problem({ date: '2023-01-01' })).toEqual({
      code: 'before_issue',
      date: '2023-01-01',
      start: '2023-11-20',
    });
    expect(problem({ certificate: 'tinh-2022-am-chen' })).toMatchObject({
      code: 'already_revoked',
      id: 'tinh-2022-am-chen',
      previous: { date: '2024-03-01' },
    });
  });

  it('changes nothing when the same revocation is recorded again; replaces with --replace', () => {
    const existing = certs.find((c) => c.id === 'tinh-2022-am-chen')!.revocation!;
    expect(applyRevocation(certs, { certificate: 'tinh-2022-am-chen', ...existing }).kind).toBe('unchanged');
    const replaced = applyRevocation(certs, { ...request, certificate: 'tinh-2022-am-chen', replace: true });
    expect(replaced).toMatchObject({ kind: 'revoked', replaced: existing });
  });
});

describe('reverseRevocation', () => {
  it('lifts the revocation of the certificate named by number or id, keeping the rest', () => {
    const outcome = reverseRevocation(certs, {
      certificate: 'tinh-2022-am-chen',
      reason: '  Ghi nhầm chứng nhận ',
    });
    expect(outcome.kind).toBe('reversed');
    if (outcome.kind !== 'reversed') return;
    expect(outcome.reversed).toEqual(certs.find((c) => c.id === 'tinh-2022-am-chen')!.revocation);
    expect(outcome.reason).toBe('Ghi nhầm chứng nhận');
    expect('revocation' in outcome.certificate).toBe(false);
    expect(outcome.certificates.filter((c) => c.revocation)).toEqual([]);
    expect(outcome.certificates).toHaveLength(certs.length);
    expect(certs.find((c) => c.id === 'tinh-2022-am-chen')!.revocation).toBeDefined(); // input untouched
    const { revocation: _r, ...expected } = certs.find((c) => c.id === 'tinh-2022-am-chen')!;
    expect(outcome.certificate).toEqual(expected);
  });

  it('changes nothing on a certificate that is not revoked', () => {
    expect(reverseRevocation(certs, { certificate: '173/GCN-BCT', reason: 'Ghi nhầm' })).toMatchObject({
      kind: 'unchanged',
      certificate: { id: 'qg-2023-nmpq' },
    });
  });

  it.each([
    [{ certificate: 'nope' }, /no certificate has the id or number "nope"/, 'unknown_certificate'],
    [{ certificate: '12/GCN' }, /several certificates; name one by id/, 'ambiguous_number'],
    [{ reason: ' x ' }, /--reason: String must contain at least 3/, 'invalid'],
    [{ reason: 'x'.repeat(501) }, /--reason: String must contain at most 500/, 'invalid'],
  ])('refuses %o', (change, message, code) => {
    const attempt = () =>
      reverseRevocation(certs, { certificate: 'tinh-2022-am-chen', reason: 'Ghi nhầm', ...change });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as RevokeError).problem.code).toBe(code);
    }
  });
});

/**
 * The command itself: it checks the request, then records the change through the admin
 * command (audit log + registry history + certificates.json in one go). Each run gets its own
 * DATA_DIR, so the embedded database it opens is a throw-away one.
 */
describe('npm run revoke', () => {
  /** The command's environment: the embedded database in DATA_DIR unless `extra` names another. */
  const envFor = (dir: string, dataDir: string, extra: Record<string, string> = {}) => {
    const { DATABASE_URL: _own, ...rest } = process.env;
    return { ...rest, CONTENT_DIR: dir, DATA_DIR: dataDir, ...extra };
  };
  const run = (dir: string, dataDir: string, args: string[], extra: Record<string, string> = {}) =>
    spawnSync('npx', ['tsx', 'scripts/revoke.ts', ...args], {
      env: envFor(dir, dataDir, extra),
      encoding: 'utf8',
    });
  const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'revoke-data-'));

  /** The audit rows and registry states the command left in DATA_DIR's embedded database. */
  async function recorded(dataDir: string) {
    const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const audit = await handle.db.select().from(auditLog).orderBy(auditLog.id);
      const states = await handle.db.select().from(registryStates).orderBy(registryStates.id);
      return { audit, states };
    } finally {
      await handle.close();
    }
  }

  it('writes the revocation with its audit entry and history state, then exits 0 with nothing to change on a repeat', async () => {
    const dir = writeContentDir();
    const dataDir = newDataDir();
    const args = [
      'qg-2023-nmpq',
      '--date',
      '2025-06-01',
      '--reason',
      'Giả mạo hồ sơ',
      '--decision',
      '500/QĐ-BCT',
    ];
    const first = run(dir, dataDir, args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('qg-2023-nmpq (173/GCN-BCT) revoked on 2025-06-01: Giả mạo hồ sơ');
    expect(first.stdout).toMatch(/Recorded in the audit log and the registry history \(state 2\)/);
    expect(writtenCertificates(dir).find((c) => c.id === 'qg-2023-nmpq')!.revocation).toEqual({
      date: '2025-06-01',
      reason: 'Giả mạo hồ sơ',
      decision: '500/QĐ-BCT',
    });
    const second = run(dir, dataDir, args);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('nothing changed');

    const { audit, states } = await recorded(dataDir);
    expect(audit).toHaveLength(1); // the repeat recorded nothing
    expect(audit[0]).toMatchObject({
      action: 'registry.revoke',
      actorKind: 'command',
      actorLabel: 'npm run revoke',
      targetType: 'certificate',
      targetId: 'qg-2023-nmpq',
      before: { revocation: null },
      after: {
        revocation: { date: '2025-06-01', reason: 'Giả mạo hồ sơ', decision: '500/QĐ-BCT' },
        stateId: states[1]!.id,
      },
    });
    expect(states.map((s) => s.action)).toEqual(['baseline', 'revoke']);
  }, 90_000);

  it('--reverse lifts a revocation with its reason, recorded as registry.unrevoke; a repeat changes nothing', async () => {
    const dir = writeContentDir();
    const dataDir = newDataDir();
    const dry = run(dir, dataDir, ['12/GCN', '--reverse', '--reason', 'Ghi nhầm']);
    expect(dry.status).toBe(1); // a shared number: named by id only
    expect(dry.stderr).toContain('name one by id: tinh-2018-am-chen, tinh-2022-am-chen');
    const preview = run(dir, dataDir, [
      'tinh-2022-am-chen',
      '--reverse',
      '--reason',
      'Ghi nhầm',
      '--dry-run',
    ]);
    expect(preview.stdout).toContain(
      'Dry run, nothing written: tinh-2022-am-chen (12/GCN): the revocation of 2024-03-01',
    );
    expect(writtenCertificates(dir).find((c) => c.id === 'tinh-2022-am-chen')!.revocation).toBeDefined();

    const done = run(dir, dataDir, ['tinh-2022-am-chen', '--reverse', '--reason', 'Ghi nhầm chứng nhận']);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(
      'tinh-2022-am-chen (12/GCN): the revocation of 2024-03-01 (Sản phẩm không còn đáp ứng tiêu chí) is lifted: Ghi nhầm chứng nhận',
    );
    expect(writtenCertificates(dir).find((c) => c.id === 'tinh-2022-am-chen')!.revocation).toBeUndefined();
    const again = run(dir, dataDir, ['tinh-2022-am-chen', '--reverse', '--reason', 'Ghi nhầm chứng nhận']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('tinh-2022-am-chen is not revoked; nothing changed.');

    const { audit } = await recorded(dataDir);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'registry.unrevoke',
      targetId: 'tinh-2022-am-chen',
      before: { revocation: { date: '2024-03-01', decision: '99/QĐ-UBND' } },
      after: { revocation: null, reason: 'Ghi nhầm chứng nhận' },
    });
  }, 90_000);

  it('exits 1 naming the problem, and 2 on usage errors, writing nothing and opening no database', () => {
    const dir = writeContentDir();
    const dataDir = newDataDir();
    const before = readFileSync(certificatesFile(dir), 'utf8');
    const bad = run(dir, dataDir, ['qg-2023-nmpq', '--date', '2025-13-01', '--reason', 'Giả mạo hồ sơ']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--date: not a real calendar date');
    const unknown = run(dir, dataDir, ['nope', '--date', '2025-06-01', '--reason', 'Giả mạo hồ sơ']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no certificate has the id or number "nope"');
    const usage = run(dir, dataDir, ['qg-2023-nmpq', '--reason', 'Giả mạo hồ sơ']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--date is required[\s\S]*usage: npm run revoke/);
    const mixed = run(dir, dataDir, [
      'qg-2023-nmpq',
      '--reverse',
      '--date',
      '2025-06-01',
      '--reason',
      'Ghi nhầm',
    ]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('--reverse takes only --reason (not --date)');
    expect(run(dir, dataDir, ['qg-2023-nmpq', '--reverse']).status).toBe(2);
    expect(run(dir, dataDir, ['--bogus']).status).toBe(2);
    expect(readFileSync(certificatesFile(dir), 'utf8')).toBe(before);
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  }, 60_000);

  it('keeps every one of several revocations run at the same time through the running server', async () => {
    const dir = writeContentDir();
    const dataDir = newDataDir();
    // A long register makes each command's read-modify-write take long enough to overlap.
    const file = certificatesFile(dir);
    const certificates = writtenCertificates(dir);
    const template = certificates.find((c) => c.id === 'tinh-2018-am-chen')!;
    const padding = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `pad-${i}` }));
    writeFileSync(file, serialiseCollection([...certificates, ...padding]));
    // This process plays the server: it holds DATA_DIR's embedded database and answers on its
    // admin socket, so the commands go through it (the server's CONTENT_DIR is this test's).
    const saved = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = dir;
    const server = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite'), role: 'the server' });
    const socket = await listenAdminSocket(adminSocketPath(dataDir), async () => server.db);
    try {
      const ids = ['tinh-2022-nmpq', 'qg-2023-nmpq', 'kv-2024-binh-gom'];
      const runAsync = (id: string) =>
        new Promise<{ status: number | null; stderr: string }>((resolve) => {
          const child = spawn(
            'npx',
            ['tsx', 'scripts/revoke.ts', id, '--date', '2025-06-01', '--reason', `Thu hồi ${id}`],
            { env: envFor(dir, dataDir) },
          );
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (status) => resolve({ status, stderr }));
        });
      const results = await Promise.all(ids.map(runAsync));
      expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
      const written = writtenCertificates(dir);
      for (const id of ids) {
        expect(written.find((c) => c.id === id)!.revocation?.reason, id).toBe(`Thu hồi ${id}`);
      }
      expect(written).toHaveLength(certificates.length + padding.length);
      const audit = await server.db.select().from(auditLog).orderBy(auditLog.id);
      expect(audit.map((a) => a.targetId).sort()).toEqual([...ids].sort());
      // One baseline, then each revocation's state on top of the one before it.
      const states = await server.db.select().from(registryStates).orderBy(registryStates.id);
      expect(states.map((s) => s.action)).toEqual(['baseline', 'revoke', 'revoke', 'revoke']);
      expect(states.slice(1).map((s) => s.previousId)).toEqual(states.slice(0, -1).map((s) => s.id));
    } finally {
      await socket.close();
      await server.close();
      if (saved === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = saved;
    }
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'records in PostgreSQL when DATABASE_URL is set',
    async () => {
      const schema = await openPostgresSchema(process.env.TEST_DATABASE_URL!);
      try {
        const dir = writeContentDir();
        const result = run(
          dir,
          newDataDir(),
          ['173/GCN-BCT', '--date', '2025-06-01', '--reason', 'Giả mạo hồ sơ'],
          {
            DATABASE_URL: schema.url,
          },
        );
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const audit = await schema.db.select().from(auditLog);
        expect(audit).toMatchObject([{ action: 'registry.revoke', targetId: 'qg-2023-nmpq' }]);
        expect(await schema.db.select().from(registryStates)).toHaveLength(2);
      } finally {
        await schema.close();
      }
    },
    90_000,
  );
});
