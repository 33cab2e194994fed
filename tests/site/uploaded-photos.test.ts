/**
 * The build's uploaded photos (src/site/uploaded-photos.ts, ./uploaded-photos-file.ts): the
 * file is the same bytes for the same photos, read back as written, rewritten only when they
 * change, refused when it is not one; and a card shows the first uploaded photo (a plain <img>
 * of /media/photos/, never labelled) before any catalogue picture.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LivePhoto } from '~/listings';
import {
  CARD_PHOTO_SIZES,
  cardPhoto,
  parseUploadedPhotos,
  serialiseUploadedPhotos,
  uploadedPhotosFromJson,
} from '~/site/uploaded-photos';
import { readUploadedPhotos, uploadedPhotosFile, writeUploadedPhotos } from '~/site/uploaded-photos-file';

const bottle: LivePhoto = {
  id: 'a1b2c3d4e5f6a7b8c9d0',
  alt: { vi: 'Chai 500 ml', en: '500 ml bottle' },
  width: 1280,
  height: 960,
};
const box: LivePhoto = { id: 'ffff0000ffff0000ffff', alt: { vi: 'Hộp quà' }, width: 500, height: 500 };
const jar: LivePhoto = { id: '0123456789abcdef0123', alt: { vi: 'Hũ' }, width: 640, height: 480 };

const work = mkdtempSync(path.join(tmpdir(), 'uploaded-photos-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the file of uploaded photos', () => {
  it('is the same text whatever order the products came in, and reads back as written', () => {
    const one = serialiseUploadedPhotos(
      new Map([
        ['ruou-nep', [bottle, box]],
        ['banh-da', [jar]],
      ]),
    );
    const two = serialiseUploadedPhotos(
      new Map([
        ['banh-da', [jar]],
        ['ruou-nep', [bottle, box]],
        ['empty', []],
      ]),
    );
    expect(two).toBe(one);
    expect(one).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no date: the build stays deterministic
    const back = parseUploadedPhotos(one);
    expect([...back.keys()]).toEqual(['banh-da', 'ruou-nep']);
    // The facility's order is kept.
    expect(back.get('ruou-nep')).toEqual([bottle, box]);
  });

  it('refuses what the command or the file should never hold', () => {
    expect(() => uploadedPhotosFromJson({ x: [{ ...bottle, id: '../../etc/passwd' }] })).toThrow();
    expect(() => uploadedPhotosFromJson({ x: [{ ...bottle, width: 0 }] })).toThrow();
    expect(() => uploadedPhotosFromJson(undefined)).toThrow();
    expect(() => parseUploadedPhotos('{"format":2,"products":{}}')).toThrow();
  });

  it('is written once, left alone while unchanged, and rewritten when the photos change', async () => {
    const file = path.join(work, 'cache', 'uploaded-photos.json');
    expect(await readUploadedPhotos(file)).toEqual(new Map()); // no file: no uploads
    expect(await writeUploadedPhotos(file, new Map([['ruou-nep', [bottle]]]))).toBe(true);
    const written = statSync(file).mtimeMs;
    expect(await writeUploadedPhotos(file, new Map([['ruou-nep', [bottle]]]))).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);
    expect((await readUploadedPhotos(file)).get('ruou-nep')).toEqual([bottle]);
    expect(await writeUploadedPhotos(file, new Map())).toBe(true);
    expect(await readUploadedPhotos(file)).toEqual(new Map());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 1, products: {} });
  });

  it('names the file when it is not one of uploaded photos', async () => {
    const file = path.join(work, 'broken.json');
    writeFileSync(file, '{"products": "nope"}');
    await expect(readUploadedPhotos(file)).rejects.toThrow(file);
  });

  it('lives in the build cache folder astro.config.mjs uses', () => {
    const saved = process.env.ASTRO_CACHE_DIR;
    try {
      delete process.env.ASTRO_CACHE_DIR;
      expect(uploadedPhotosFile()).toBe(path.resolve('node_modules/.astro/uploaded-photos.json'));
      process.env.ASTRO_CACHE_DIR = path.join(work, 'bench-cache');
      expect(uploadedPhotosFile()).toBe(path.join(work, 'bench-cache', 'uploaded-photos.json'));
    } finally {
      if (saved === undefined) delete process.env.ASTRO_CACHE_DIR;
      else process.env.ASTRO_CACHE_DIR = saved;
    }
  });
});

describe('a product card’s picture', () => {
  const drawing = { photo: 'drawing.webp', illustration: true };
  const real = { photo: 'real.webp', illustration: false };

  it('is the first uploaded photo, from /media/photos/, with no illustration label', () => {
    const shown = cardPhoto([drawing, real], [bottle, box]);
    expect(shown).toMatchObject({ kind: 'upload', illustration: false, photo: bottle });
    if (shown?.kind !== 'upload') throw new Error('not an upload');
    expect(shown.image).toEqual({
      src: `/media/photos/${bottle.id}-320.webp`,
      // Up to 640 px: a card is never wider than ~17rem, so 1280 would only cost bytes.
      srcset: `/media/photos/${bottle.id}-320.webp 320w, /media/photos/${bottle.id}-640.webp 640w`,
      sizes: CARD_PHOTO_SIZES,
      width: 320,
      height: 240,
    });
  });

  it('keeps the photo’s own ratio in width/height (the CSS box stays 4:3) and stored widths only', () => {
    const shown = cardPhoto([], [box]);
    if (shown?.kind !== 'upload') throw new Error('not an upload');
    expect(shown.image.height).toBe(320);
    expect(shown.image.srcset).toBe(
      `/media/photos/${box.id}-320.webp 320w, /media/photos/${box.id}-500.webp 500w`,
    );
    const small = cardPhoto([], [{ ...box, width: 200, height: 150 }]);
    if (small?.kind !== 'upload') throw new Error('not an upload');
    expect(small.image.src).toBe(`/media/photos/${box.id}-200.webp`);
    expect(small.image.srcset).toBe(`/media/photos/${box.id}-200.webp 200w`);
  });

  it('without uploads is the catalogue’s real photo first, else its drawing (labelled), else nothing', () => {
    expect(cardPhoto([drawing, real], [])).toEqual({
      kind: 'catalogue',
      photo: 'real.webp',
      illustration: false,
    });
    expect(cardPhoto([drawing], undefined)).toEqual({
      kind: 'catalogue',
      photo: 'drawing.webp',
      illustration: true,
    });
    expect(cardPhoto([], [])).toBeUndefined();
  });
});
