import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueData } from '~/catalogue/catalogue';
import { ensurePhotos, motifFor, PHOTO_HEIGHT, PHOTO_WIDTH, photoJobs, photoSvg } from '~/catalogue/photos';
import { writeSample } from '~scripts/sample/index';
import { removeDir, tempDir } from './import/helpers';

let dir: string;
let data: CatalogueData;
beforeAll(async () => {
  dir = await tempDir('cnnt-photos-');
  data = await writeSample(dir, { products: 30, seed: 11 });
});
afterAll(async () => {
  await removeDir(dir);
});

describe('photos', () => {
  it('lists every referenced photo once, beside the JSON file that lists it', () => {
    const jobs = photoJobs(dir, data);
    const referenced = new Set([
      ...data.products.flatMap((p) => p.photos.map((f) => path.join(dir, 'registry', f))),
      ...data.facilities.flatMap((p) => p.photos.map((f) => path.join(dir, 'registry', f))),
      ...data.listings.flatMap((l) => l.photos.map((f) => path.join(dir, 'listings', f))),
    ]);
    expect(new Set(jobs.map((j) => j.file))).toEqual(referenced);
    expect(jobs.length).toBe(referenced.size);
  });

  it('draws the same SVG for the same photo and different ones for different photos', () => {
    const a = photoSvg({ key: 'photos/a.webp', group: 'food', name: 'Nước mắm Phú Quốc' });
    expect(photoSvg({ key: 'photos/a.webp', group: 'food', name: 'Nước mắm Phú Quốc' })).toBe(a);
    expect(photoSvg({ key: 'photos/a-2.webp', group: 'food', name: 'Nước mắm Phú Quốc' })).not.toBe(a);
    expect(a).not.toMatch(/<text/);
  });

  it('chooses a motif that fits the product', () => {
    expect(motifFor('Nước mắm cá cơm Phú Quốc', 'food')).toBe('bottle');
    expect(motifFor('Chè xanh Tân Cương', 'food')).toBe('leaf');
    expect(motifFor('Gốm Bát Tràng', 'handicraft')).toBe('vase');
    expect(motifFor('Mây tre đan Phú Vinh', 'handicraft')).toBe('weave');
    expect(motifFor('Máy tuốt lúa TL-500', 'machinery')).toBe('gear');
    expect(motifFor('Dao Phúc Sen', 'machinery')).toBe('blade');
    expect(motifFor('Nón lá Chuông', 'handicraft')).toBe('hat');
  });

  it('creates the missing photos as small 600×450 WebP files, then does nothing on a rerun', async () => {
    const first = await ensurePhotos(dir, data, { concurrency: 4 });
    expect(first.created).toBe(first.total);
    expect(first.total).toBeGreaterThan(10);
    for (const job of photoJobs(dir, data)) expect(existsSync(job.file)).toBe(true);
    const one = photoJobs(dir, data)[0]!.file;
    const meta = await sharp(one).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: PHOTO_WIDTH, height: PHOTO_HEIGHT });
    expect((await stat(one)).size).toBeLessThan(30_000);
    const mtime = (await stat(one)).mtimeMs;

    const second = await ensurePhotos(dir, data);
    expect(second).toMatchObject({ created: 0, existing: first.total });
    expect((await stat(one)).mtimeMs).toBe(mtime);
  });
});
