import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueData } from '~/catalogue/content-files';
import { photoJobs } from '~/catalogue/photos';
import { writeSample } from '~scripts/sample/index';
import { removeDir, tempDir } from '../catalogue/import/helpers';
import { runScript } from './cli';

let work: string;
beforeAll(async () => {
  work = await tempDir('cnnt-prepare-');
});
afterAll(async () => {
  await removeDir(work);
});

describe('prepare-build', () => {
  it('draws every referenced photo, and an unchanged rerun draws none', async () => {
    const dir = path.join(work, 'content');
    await writeSample(dir, { products: 40, seed: 31 });
    const first = runScript('prepare-build.ts', [], { CONTENT_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/drew \d+ photos/);
    const data = await readCatalogueData(dir);
    const jobs = photoJobs(dir, data);
    expect(jobs.length).toBeGreaterThan(20);
    for (const job of jobs) expect(existsSync(job.file)).toBe(true);

    const second = runScript('prepare-build.ts', [], { CONTENT_DIR: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`all ${jobs.length} photos present`);
  });

  it('refuses to overwrite an incomplete catalogue with the sample', async () => {
    const dir = path.join(work, 'partial');
    await mkdir(path.join(dir, 'registry'), { recursive: true });
    await writeFile(path.join(dir, 'registry/facilities.json'), '[]\n');
    const result = runScript('prepare-build.ts', [], { CONTENT_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('incomplete');
    expect(await readFile(path.join(dir, 'registry/facilities.json'), 'utf8')).toBe('[]\n');
    expect(existsSync(path.join(dir, 'registry/products.json'))).toBe(false);
    await rm(dir, { recursive: true });
  });
});
