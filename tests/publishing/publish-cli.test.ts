/**
 * `npm run publish` as a command: publishes a finished build (`--from`), records it in the audit
 * log of the embedded database, rolls back, and refuses wrong use with exit status 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog } from '~/db/audit-log';
import { openDatabase } from '~/db/client';
import { runScript } from '../scripts/cli';
import { makeFakeBuild } from './fixtures/fake-build';

const work = mkdtempSync(path.join(tmpdir(), 'publish-cli-'));
const env = { BUILDS_DIR: path.join(work, 'builds'), DATA_DIR: path.join(work, 'data') };
const run = (args: string[]) => runScript('publish.ts', args, env);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run publish', () => {
  it('publishes two builds, rolls back, and records each step in the audit log', async () => {
    const first = run(['--from', makeFakeBuild(path.join(work, 'a'), 'A')]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Published \d{8}-\d{9}-[0-9a-f]{4} \(2 pages/m);
    expect(
      run(['--from', makeFakeBuild(path.join(work, 'b'), 'B'), '--requested-by', 'op@example.vn']).status,
    ).toBe(0);
    const back = run(['--rollback']);
    expect(back.status).toBe(0);
    expect(back.stdout).toMatch(/^Rolled back to \S+ \(was \S+\): 0 server\(s\) switched in \d+ ms\./m);

    const handle = await openDatabase({ pgliteDir: path.join(env.DATA_DIR, 'pglite') });
    try {
      const rows = await handle.db.select().from(auditLog).orderBy(auditLog.id);
      expect(rows.map((r) => [r.action, r.actorLabel])).toEqual([
        ['site.publish', 'npm run publish'],
        ['site.publish', 'npm run publish (op@example.vn)'],
        ['site.rollback', 'npm run publish -- --rollback'],
      ]);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses wrong use with exit status 2 and a failed publish with 1', () => {
    const both = run(['--rollback', '--from', work]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--rollback and --from cannot be combined/);
    expect(run(['--frm', 'x']).status).toBe(2);
    const broken = run(['--from', makeFakeBuild(path.join(work, 'c'), 'C', { omit: 'stamp' })]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/the build is incomplete:\n- the build stamp/);
  }, 120_000);
});
