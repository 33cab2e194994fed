import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueData } from '~/catalogue/content-files';
import { photoJobs } from '~/catalogue/photos';
import { commandActor } from '~/db/audit-log';
import { openDatabase } from '~/db/client';
import { addPhoto } from '~/listings/photo-store';
import { writeSample } from '~scripts/sample/index';
import { removeDir, tempDir } from '../catalogue/import/helpers';
import { runScript } from './cli';

let work: string;
/** Its own data folder and build cache: never the developer's database or node_modules/.astro. */
let isolated: { DATA_DIR: string; ASTRO_CACHE_DIR: string };
beforeAll(async () => {
  work = await tempDir('cnnt-prepare-');
  isolated = { DATA_DIR: path.join(work, 'data'), ASTRO_CACHE_DIR: path.join(work, 'cache') };
});
afterAll(async () => {
  await removeDir(work);
});

describe('prepare-build', () => {
  it('draws every referenced photo, and an unchanged rerun draws none', async () => {
    const dir = path.join(work, 'content');
    await writeSample(dir, { products: 40, seed: 31 });
    const first = runScript('prepare-build.ts', [], { ...isolated, CONTENT_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/drew \d+ photos/);
    const data = await readCatalogueData(dir);
    const jobs = photoJobs(dir, data);
    expect(jobs.length).toBeGreaterThan(20);
    for (const job of jobs) expect(existsSync(job.file)).toBe(true);

    const second = runScript('prepare-build.ts', [], { ...isolated, CONTENT_DIR: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`all ${jobs.length} photos present`);
  });

  /** The embedded database of DATA_DIR, whatever the environment running the tests says. */
  function withoutDatabaseUrl<T>(run: () => T): T {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      return run();
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  }
  const uploadsFile = () => path.join(isolated.ASTRO_CACHE_DIR, 'uploaded-photos.json');
  const uploadsWritten = () => JSON.parse(readFileSync(uploadsFile(), 'utf8'));

  it('with no database, says it skips uploaded photos and creates no database', async () => {
    const dir = path.join(work, 'content');
    const result = withoutDatabaseUrl(() =>
      runScript('prepare-build.ts', [], { ...isolated, CONTENT_DIR: dir }),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/prepare-build: uploaded photos: no database .*skipped/);
    expect(existsSync(path.join(isolated.DATA_DIR, 'pglite'))).toBe(false);
    expect(uploadsWritten()).toEqual({ format: 1, products: {} });
  });

  it('copies the photos uploaded for the catalogue’s products from the embedded database', async () => {
    const dir = path.join(work, 'content');
    const productId = (await readCatalogueData(dir)).products[0]!.id;
    const handle = await openDatabase({ pgliteDir: path.join(isolated.DATA_DIR, 'pglite') });
    let photoId: string;
    try {
      const file = { width: 640, height: 480, contentType: 'image/webp' as const, bytes: Buffer.from('x') };
      const added = await addPhoto(
        handle.db,
        commandActor('test'),
        { productId, facilityId: 'co-so' },
        { vi: 'Chai 500 ml' },
        { sourceType: 'jpeg', width: 640, height: 480, files: [{ ...file, width: 320, height: 240 }, file] },
      );
      if (!added.ok) throw new Error('not added');
      photoId = added.photo.id;
    } finally {
      await handle.close();
    }
    const result = withoutDatabaseUrl(() =>
      runScript('prepare-build.ts', [], { ...isolated, CONTENT_DIR: dir }),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('prepare-build: uploaded photos: 1 (1 products) from the database.');
    expect(uploadsWritten()).toEqual({
      format: 1,
      products: { [productId]: [{ id: photoId, alt: { vi: 'Chai 500 ml' }, width: 640, height: 480 }] },
    });
  }, 120_000);

  it('builds on without uploaded photos, warning, when the database cannot be reached', () => {
    const dir = path.join(work, 'content');
    const result = runScript('prepare-build.ts', [], {
      ...isolated,
      // Nothing listens on port 1: refused at once.
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      CONTENT_DIR: dir,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/prepare-build: warning: uploaded photos could not be read/);
    expect(uploadsWritten()).toEqual({ format: 1, products: {} });
  });

  it('refuses to overwrite an incomplete catalogue with the sample', async () => {
    const dir = path.join(work, 'partial');
    await mkdir(path.join(dir, 'registry'), { recursive: true });
    await writeFile(path.join(dir, 'registry/facilities.json'), '[]\n');
    const result = runScript('prepare-build.ts', [], { ...isolated, CONTENT_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('incomplete');
    expect(await readFile(path.join(dir, 'registry/facilities.json'), 'utf8')).toBe('[]\n');
    expect(existsSync(path.join(dir, 'registry/products.json'))).toBe(false);
    await rm(dir, { recursive: true });
  });
});
