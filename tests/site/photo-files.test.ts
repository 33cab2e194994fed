/**
 * The photo file the Open Graph image uses: a product's first real photo, else its first
 * drawing, flagged as one (the route then lays the illustration label over it).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueData } from '~/catalogue/catalogue';
import { ensurePhotos } from '~/catalogue/photos';
import { productPhotoFile, productPhotoFiles } from '~/site/photo-files';
import { writeSample } from '~scripts/sample/index';
import { removeDir, tempDir } from '~tests/catalogue/import/helpers';

let dir: string;
let data: CatalogueData;
const previous = process.env.CONTENT_DIR;
beforeAll(async () => {
  dir = await tempDir('cnnt-photo-files-');
  data = await writeSample(dir, { products: 40, seed: 31 });
  await ensurePhotos(dir, data);
  process.env.CONTENT_DIR = dir;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = previous;
  await removeDir(dir);
});

describe('productPhotoFile', () => {
  it('gives a drawn product’s first drawing, flagged; a real photo before drawings; nothing without photos', async () => {
    const withTwo = data.listings.find((l) => l.photos.length > 1);
    const withOne = data.listings.find((l) => l.photos.length === 1);
    const without = data.products.find(
      (p) => p.photos.length === 0 && !data.listings.some((l) => l.productId === p.id && l.photos.length > 0),
    );
    expect(withTwo && withOne && without).toBeTruthy();

    const [first, second] = await productPhotoFiles(withTwo!.productId);
    expect(await productPhotoFile(withOne!.productId)).toEqual({
      photo: (await productPhotoFiles(withOne!.productId))[0],
      illustration: true,
    });
    // The second picture of this product becomes a real photo (before the first is asked for:
    // each file's answer is kept for the process, as content photos change only with a build).
    const noise = Buffer.alloc(600 * 450 * 3, 0).map((_, i) => (i * 7919) % 251);
    await writeFile(
      second!,
      await sharp(noise, { raw: { width: 600, height: 450, channels: 3 } })
        .webp()
        .toBuffer(),
    );
    expect(await productPhotoFile(withTwo!.productId)).toEqual({ photo: second, illustration: false });
    expect(path.basename(first!)).not.toBe(path.basename(second!));
    expect(await productPhotoFile(without!.id)).toBeUndefined();
  });
});
