import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, snapshot, tempDir } from '../catalogue/import/helpers';
import { runScript } from './cli';

let work: string;
beforeAll(async () => {
  work = await tempDir('cnnt-sample-cli-');
});
afterAll(async () => {
  await removeDir(work);
});

describe('npm run sample', () => {
  it('writes the same files on every run, with progress on stderr', async () => {
    const a = runScript('sample.ts', ['--products', '120', '--seed', '7', '--out', path.join(work, 'a')]);
    const b = runScript('sample.ts', ['--products=120', '--seed=7', '--out', path.join(work, 'b')]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stderr).toContain('100%');
    expect(a.stdout).toMatch(/products\s+120/);
    const snapA = await snapshot(path.join(work, 'a'));
    expect(Object.keys(snapA).sort()).toEqual([
      'dataset.json',
      'listings/listings.json',
      'registry/certificates.json',
      'registry/facilities.json',
      'registry/products.json',
    ]);
    expect(await snapshot(path.join(work, 'b'))).toEqual(snapA);
  });

  it('honours CONTENT_DIR when --out is not given', () => {
    const dir = path.join(work, 'env');
    const result = runScript('sample.ts', ['--products', '10'], { CONTENT_DIR: dir });
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, 'registry/products.json'))).toBe(true);
  });

  it('exits 2 on usage errors', () => {
    expect(runScript('sample.ts', ['--products', 'many']).status).toBe(2);
    expect(runScript('sample.ts', ['--colour', 'red']).status).toBe(2);
  });
});
