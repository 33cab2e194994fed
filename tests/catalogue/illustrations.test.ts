/**
 * Drawn pictures versus real photos: the mark photos.ts writes into every drawing, read back from
 * bytes and files; a real photo put in place of a drawing; drawings from before the mark.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasIllustrationMark,
  ILLUSTRATION_DESCRIPTION,
  ILLUSTRATION_MARK,
  ILLUSTRATION_MAX_BYTES,
  realPhotosFirst,
} from '~/catalogue';
import type { CatalogueData } from '~/catalogue/catalogue';
import { illustrationFlag, isIllustrationFile } from '~/catalogue/illustration-files';
import { drawPhoto, ensurePhotos, type PhotoJob, photoJobs, renderPhoto } from '~/catalogue/photos';
import { writeSample } from '~scripts/sample/index';
import { removeDir, tempDir } from './import/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cnnt-illustrations-');
});
afterAll(async () => {
  await removeDir(dir);
});

const job = (name: string): PhotoJob => ({
  file: path.join(dir, 'photos', name),
  key: `photos/${name}`,
  group: 'food',
  name: 'Nước mắm cá cơm Phú Quốc',
});

/** A "real photo": camera-like noise, as each format a facility might send. */
async function realPhoto(format: 'jpeg' | 'png' | 'webp', width = 600, height = 450): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

describe('the illustration mark in bytes', () => {
  it('is found in a drawing and in no real photo', async () => {
    const drawn = await drawPhoto(job('a.webp')).toBuffer();
    expect(hasIllustrationMark(drawn)).toBe(true);
    expect(drawn.includes(ILLUSTRATION_MARK)).toBe(true);
    for (const format of ['jpeg', 'png', 'webp'] as const)
      expect(hasIllustrationMark(await realPhoto(format)), format).toBe(false);
    // The drawing before drawings were marked: the same picture, no mark.
    expect(hasIllustrationMark(await drawPhoto(job('a.webp'), false).toBuffer())).toBe(false);
  });

  it('needs a WebP file: the words alone, or in another format, are not a drawing', async () => {
    expect(hasIllustrationMark(new TextEncoder().encode(`RIFF....JPEG${ILLUSTRATION_MARK}`))).toBe(false);
    const jpegWithWords = await sharp(await realPhoto('jpeg', 60, 45))
      .jpeg()
      .withExif({ IFD0: { ImageDescription: ILLUSTRATION_DESCRIPTION } })
      .toBuffer();
    expect(jpegWithWords.includes(ILLUSTRATION_MARK)).toBe(true);
    expect(hasIllustrationMark(jpegWithWords)).toBe(false);
    // A WebP with other EXIF (a camera's) is a photo.
    const cameraWebp = await sharp(await realPhoto('webp', 60, 45))
      .webp()
      .withExif({ IFD0: { Make: 'Canon', ImageDescription: 'Chợ phiên' } })
      .toBuffer();
    expect(hasIllustrationMark(cameraWebp)).toBe(false);
    expect(hasIllustrationMark(new Uint8Array(0))).toBe(false);
  });

  it('is not looked for in a file larger than any drawing', async () => {
    const drawn = await drawPhoto(job('a.webp')).toBuffer();
    expect(drawn.length).toBeLessThan(30_000);
    const padded = Buffer.concat([drawn, Buffer.alloc(ILLUSTRATION_MAX_BYTES)]);
    expect(hasIllustrationMark(padded)).toBe(false);
  });
});

describe('isIllustrationFile', () => {
  it('tells a drawn file from a real one, and a drawing replaced by a photo is a photo', async () => {
    const drawn = job('drawn.webp');
    await renderPhoto(drawn);
    expect(await isIllustrationFile(drawn.file)).toBe(true);

    const real = path.join(dir, 'photos', 'real.jpg');
    await writeFile(real, await realPhoto('jpeg'));
    expect(await isIllustrationFile(real)).toBe(false);

    const replaced = job('replaced.webp');
    await renderPhoto(replaced);
    expect(await isIllustrationFile(replaced.file)).toBe(true);
    await writeFile(replaced.file, await realPhoto('webp'));
    expect(await isIllustrationFile(replaced.file)).toBe(false);
  });

  it('counts a file it cannot read as a drawing, and a large file as a photo without reading it', async () => {
    expect(await isIllustrationFile(path.join(dir, 'photos', 'missing.webp'))).toBe(true);
    const large = path.join(dir, 'photos', 'large.webp');
    const drawn = await drawPhoto(job('x.webp')).toBuffer();
    await writeFile(large, Buffer.concat([drawn, Buffer.alloc(ILLUSTRATION_MAX_BYTES)]));
    expect(await isIllustrationFile(large)).toBe(false);
  });

  it('illustrationFlag reads each file once a process', async () => {
    const once = job('once.webp');
    await renderPhoto(once);
    expect(await illustrationFlag(once.file)).toBe(true);
    await writeFile(once.file, await realPhoto('webp'));
    expect(await isIllustrationFile(once.file)).toBe(false);
    expect(await illustrationFlag(once.file)).toBe(true);
  });
});

describe('ensurePhotos and the mark', () => {
  let content: string;
  let data: CatalogueData;
  beforeAll(async () => {
    content = path.join(dir, 'content');
    data = await writeSample(content, { products: 20, seed: 5 });
  });

  it('a fresh clone: every picture it draws is a drawing; a real file in place stays a photo', async () => {
    const jobs = photoJobs(content, data);
    const [realJob, ...drawnJobs] = jobs;
    await mkdir(path.dirname(realJob!.file), { recursive: true });
    await writeFile(realJob!.file, await realPhoto('webp'));
    const before = await readFile(realJob!.file);

    const result = await ensurePhotos(content, data, { concurrency: 4 });
    expect(result).toMatchObject({ created: drawnJobs.length, existing: 1, marked: 0 });
    expect(await readFile(realJob!.file)).toEqual(before);
    expect(await isIllustrationFile(realJob!.file)).toBe(false);
    for (const j of drawnJobs) expect(await isIllustrationFile(j.file), j.file).toBe(true);
  });

  it('marks drawings made before the mark, once, and leaves real photos of the same size alone', async () => {
    const jobs = photoJobs(content, data);
    const [realJob, legacy] = jobs;
    await drawPhoto(legacy!, false).toFile(legacy!.file);
    expect(await isIllustrationFile(legacy!.file)).toBe(false);
    const realMtime = (await stat(realJob!.file)).mtimeMs;

    const first = await ensurePhotos(content, data);
    expect(first).toMatchObject({ created: 0, existing: jobs.length, marked: 1 });
    expect(await isIllustrationFile(legacy!.file)).toBe(true);
    expect(await isIllustrationFile(realJob!.file)).toBe(false);
    expect((await stat(realJob!.file)).mtimeMs).toBe(realMtime);

    const legacyMtime = (await stat(legacy!.file)).mtimeMs;
    const second = await ensurePhotos(content, data);
    expect(second).toMatchObject({ created: 0, marked: 0 });
    expect((await stat(legacy!.file)).mtimeMs).toBe(legacyMtime);
  });

  it('an unmarked picture that is not exactly a drawing (an edited one) is left as a photo', async () => {
    const [, , edited] = photoJobs(content, data);
    const drawn = await drawPhoto(edited!, false).toBuffer();
    const retouched = await sharp(drawn).modulate({ brightness: 1.05 }).webp({ quality: 70 }).toBuffer();
    await writeFile(edited!.file, retouched);
    const result = await ensurePhotos(content, data);
    expect(result.marked).toBe(0);
    expect(await readFile(edited!.file)).toEqual(retouched);
    expect(await isIllustrationFile(edited!.file)).toBe(false);
  });

  it('copies keep what they are: the mark is in the file', async () => {
    const [, drawnJob] = photoJobs(content, data);
    const copy = path.join(dir, 'elsewhere', 'copy.webp');
    await mkdir(path.dirname(copy), { recursive: true });
    await copyFile(drawnJob!.file, copy);
    expect(existsSync(copy)).toBe(true);
    expect(await isIllustrationFile(copy)).toBe(true);
  });
});

describe('realPhotosFirst', () => {
  it('puts real photos before drawings, keeping each group in order', () => {
    const photos = [
      { photo: 'a', illustration: true },
      { photo: 'b', illustration: false },
      { photo: 'c', illustration: true },
      { photo: 'd', illustration: false },
    ];
    expect(realPhotosFirst(photos).map((p) => p.photo)).toEqual(['b', 'd', 'a', 'c']);
    expect(realPhotosFirst([])).toEqual([]);
  });
});
