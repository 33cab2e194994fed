import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveRevocations } from '~/verification/live-revocations';
import { AS_OF, sampleCatalogue, sampleData } from './fixtures';

function setup() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'live-')), 'certificates.json');
  let clock = 0;
  const warnings: string[] = [];
  const live = new LiveRevocations(
    file,
    1000,
    () => clock,
    (m) => warnings.push(m),
  );
  let version = 0;
  const write = (certificates: unknown) => {
    writeFileSync(file, JSON.stringify(certificates));
    // A distinct mtime per write, whatever the file system's time resolution.
    version += 1;
    utimesSync(file, version, version);
  };
  return { file, live, write, warnings, tick: (ms: number) => (clock += ms) };
}

const status = async (live: LiveRevocations, id: string) => {
  const c = await live.apply(sampleCatalogue());
  return c.statusOf(c.certificateById.get(id)!, AS_OF).status;
};

describe('live revocations', () => {
  it('applies a revocation written after the build, within the check interval, without a rebuild', async () => {
    const { live, write, tick } = setup();
    const data = sampleData();
    write(data.certificates);
    const base = sampleCatalogue();
    expect(await live.apply(base)).toBe(base); // nothing differs: the build's catalogue as is

    write(
      data.certificates.map((c) =>
        c.id === 'qg-2023-nmpq' ? { ...c, revocation: { date: '2025-06-01', reason: 'Giả mạo hồ sơ' } } : c,
      ),
    );
    expect((await live.apply(base)).statusOf(base.certificateById.get('qg-2023-nmpq')!, AS_OF).status).toBe(
      'valid',
    ); // not re-checked yet
    tick(1000);
    const live1 = await live.apply(base);
    expect(live1.statusOf(live1.certificateById.get('qg-2023-nmpq')!, AS_OF).status).toBe('revoked');
    // The older certificate it superseded is no longer superseded by a revoked one.
    expect(live1.statusOf(live1.certificateById.get('tinh-2022-nmpq')!, AS_OF).status).toBe('valid');
    // Same file version: the same overlaid catalogue, not rebuilt per request.
    tick(1000);
    expect(await live.apply(base)).toBe(live1);
  });

  it('lifts a revocation removed from the file', async () => {
    const { live, write } = setup();
    write(sampleData().certificates.map(({ revocation: _r, ...c }) => c));
    expect(await status(live, 'tinh-2022-am-chen')).toBe('valid');
  });

  it('keeps the last good revocations when the file is broken, and says so once', async () => {
    const { live, write, tick, warnings } = setup();
    const data = sampleData();
    write(
      data.certificates.map((c) =>
        c.id === 'kv-2024-binh-gom' ? { ...c, revocation: { date: '2025-01-01', reason: 'Vi phạm' } } : c,
      ),
    );
    expect(await status(live, 'kv-2024-binh-gom')).toBe('revoked');
    write('{ not json');
    tick(1000);
    expect(await status(live, 'kv-2024-binh-gom')).toBe('revoked');
    tick(1000);
    await status(live, 'kv-2024-binh-gom');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/revocations not reloaded/);
  });

  it('falls back to the build-time data without the file', async () => {
    const { live, file } = setup();
    rmSync(file, { force: true });
    const base = sampleCatalogue();
    expect(await live.apply(base)).toBe(base);
  });
});
