import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import { applyRevocation, RevokeError } from '~/verification/revoke';
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

  it('changes nothing when the same revocation is recorded again; replaces with --replace', () => {
    const existing = certs.find((c) => c.id === 'tinh-2022-am-chen')!.revocation!;
    expect(applyRevocation(certs, { certificate: 'tinh-2022-am-chen', ...existing }).kind).toBe('unchanged');
    const replaced = applyRevocation(certs, { ...request, certificate: 'tinh-2022-am-chen', replace: true });
    expect(replaced).toMatchObject({ kind: 'revoked', replaced: existing });
  });
});

describe('npm run revoke', () => {
  function contentDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'revoke-'));
    const data = sampleData();
    const write = (name: keyof typeof CONTENT_FILES, items: { id: string }[]) => {
      mkdirSync(path.dirname(path.join(dir, CONTENT_FILES[name])), { recursive: true });
      writeFileSync(path.join(dir, CONTENT_FILES[name]), serialiseCollection(items));
    };
    write('dataset', [data.dataset]);
    write('facilities', data.facilities);
    write('products', data.products);
    write('certificates', data.certificates);
    write('listings', data.listings);
    return dir;
  }
  const run = (dir: string, args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/revoke.ts', ...args], {
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: 'utf8',
    });
  const certificatesFile = (dir: string) => path.join(dir, CONTENT_FILES.certificates);

  it('writes the revocation, then exits 0 with nothing to change on a repeat', () => {
    const dir = contentDir();
    const args = [
      'qg-2023-nmpq',
      '--date',
      '2025-06-01',
      '--reason',
      'Giả mạo hồ sơ',
      '--decision',
      '500/QĐ-BCT',
    ];
    const first = run(dir, args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('qg-2023-nmpq (173/GCN-BCT) revoked on 2025-06-01: Giả mạo hồ sơ');
    const written = JSON.parse(readFileSync(certificatesFile(dir), 'utf8')) as {
      id: string;
      revocation?: unknown;
    }[];
    expect(written.find((c) => c.id === 'qg-2023-nmpq')!.revocation).toEqual({
      date: '2025-06-01',
      reason: 'Giả mạo hồ sơ',
      decision: '500/QĐ-BCT',
    });
    const second = run(dir, args);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('nothing changed');
  }, 60_000);

  it('exits 1 naming the problem, and 2 on usage errors, writing nothing', () => {
    const dir = contentDir();
    const before = readFileSync(certificatesFile(dir), 'utf8');
    const bad = run(dir, ['qg-2023-nmpq', '--date', '2025-13-01', '--reason', 'Giả mạo hồ sơ']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--date: not a real calendar date');
    const usage = run(dir, ['qg-2023-nmpq', '--reason', 'Giả mạo hồ sơ']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--date is required[\s\S]*usage: npm run revoke/);
    expect(run(dir, ['--bogus']).status).toBe(2);
    expect(readFileSync(certificatesFile(dir), 'utf8')).toBe(before);
  }, 60_000);

  it('keeps every one of several revocations run at the same time', async () => {
    const dir = contentDir();
    // A long register makes each command's read-modify-write take long enough to overlap.
    const file = certificatesFile(dir);
    const certificates = JSON.parse(readFileSync(file, 'utf8')) as { id: string }[];
    const template = certificates.find((c) => c.id === 'tinh-2018-am-chen')!;
    const padding = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `pad-${i}` }));
    writeFileSync(file, serialiseCollection([...certificates, ...padding]));
    const ids = ['tinh-2022-nmpq', 'qg-2023-nmpq', 'kv-2024-binh-gom'];
    const runAsync = (id: string) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          'npx',
          ['tsx', 'scripts/revoke.ts', id, '--date', '2025-06-01', '--reason', `Thu hồi ${id}`],
          { env: { ...process.env, CONTENT_DIR: dir } },
        );
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const results = await Promise.all(ids.map(runAsync));
    expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as {
      id: string;
      revocation?: { reason: string };
    }[];
    for (const id of ids) {
      expect(written.find((c) => c.id === id)!.revocation?.reason, id).toBe(`Thu hồi ${id}`);
    }
    expect(written).toHaveLength(certificates.length + padding.length);
  }, 120_000);
});
