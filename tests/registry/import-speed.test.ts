/**
 * Speed (issue 16): a 2,000-row list checked, merged, diffed and staged against the default
 * catalogue (about 1,700 facilities, 4,600 certificates) on PGlite in under 10 s, and its review
 * page's recomputation too. Half the rows restate existing certificates with a new phone and a
 * differently written facility name; half are new. The times are printed.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FILES } from '~/catalogue/content-files';
import { type DatabaseHandle, openDatabase } from '~/db/client';
import { checkUpload } from '~/registry/import-file';
import { reviewImport, stageImport } from '~/registry/import-review';
import { generatedImportList } from '~scripts/lib/import-list';
import { bytesOf } from './import-helpers';

const ROWS = 2_000;
const LIMIT_MS = 10_000;
const SOURCE = path.resolve('content');

describe('a 2,000-row import on PGlite', () => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
    dir = mkdtempSync(path.join(tmpdir(), 'import-speed-'));
    for (const file of Object.values(CONTENT_FILES)) cpSync(path.join(SOURCE, file), path.join(dir, file));
  });
  afterAll(async () => {
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`is checked, diffed and staged in under ${LIMIT_MS / 1000} s`, async () => {
    const list = checkUpload('2000-dong.csv', bytesOf(generatedImportList(dir, ROWS)));
    if (!list.ok) throw new Error(list.refusal);
    const actor = { kind: 'user' as const, id: 'u', label: 'op@example.vn', role: 'operator' };

    const started = performance.now();
    const staged = await stageImport(handle.db, actor, list.list, { dir });
    const stageMs = performance.now() - started;
    if (staged.kind !== 'staged')
      throw new Error(
        staged.problems
          .slice(0, 5)
          .map((p) => p.message)
          .join('; '),
      );
    const reviewStarted = performance.now();
    const reviewed = await reviewImport(handle.db, staged.id, { dir });
    const reviewMs = performance.now() - reviewStarted;
    console.log(
      `2,000-row import: checked, merged, diffed and staged in ${Math.round(stageMs)} ms; review recomputed in ${Math.round(reviewMs)} ms`,
    );

    const { summary, diff, merged } = staged.review;
    expect(summary.rows).toBe(ROWS);
    expect(summary.certificates.added).toBe(ROWS / 2);
    expect(diff.facilities.changed.length).toBeGreaterThan(0);
    expect(merged.length).toBeGreaterThan(0);
    expect(reviewed).toMatchObject({ kind: 'import', status: 'staged' });
    expect(stageMs).toBeLessThan(LIMIT_MS);
    expect(reviewMs).toBeLessThan(LIMIT_MS);
  }, 60_000);
});
