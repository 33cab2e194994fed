import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePhoto, isPhotoFormat, PHOTO_QUALITY } from '../../src/ui/photo-encoding';
import { samplePhoto } from './photo-fixtures';

let photo: Buffer;
beforeAll(async () => {
  photo = await samplePhoto();
});

describe('encodePhoto', () => {
  it('gives AVIF (AV1 in HEIF) at the width asked, keeping the aspect ratio', async () => {
    const meta = await sharp(await encodePhoto(photo, { width: 320, format: 'avif', quality: PHOTO_QUALITY.avif })).metadata();
    expect(meta.format).toBe('heif');
    expect(meta.compression).toBe('av1');
    expect([meta.width, meta.height]).toEqual([320, 240]);
  });

  it('gives WebP at the width asked', async () => {
    const meta = await sharp(await encodePhoto(photo, { width: 600, format: 'webp', quality: PHOTO_QUALITY.webp })).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([600, 450]);
  });

  it('makes AVIF smaller than WebP at the qualities the site uses', async () => {
    const [avif, webp] = await Promise.all([
      encodePhoto(photo, { width: 600, format: 'avif', quality: PHOTO_QUALITY.avif }),
      encodePhoto(photo, { width: 600, format: 'webp', quality: PHOTO_QUALITY.webp }),
    ]);
    expect(avif.length).toBeLessThan(webp.length);
  });

  it('is deterministic, so an early encode and a late one are the same bytes', async () => {
    const encoding = { width: 320, format: 'avif', quality: 50 } as const;
    expect((await encodePhoto(photo, encoding)).equals(await encodePhoto(photo, encoding))).toBe(true);
  });
});

describe('isPhotoFormat', () => {
  it('knows AVIF and WebP only', () => {
    expect(['avif', 'webp', 'png', 'jpeg', undefined].filter(isPhotoFormat)).toEqual(['avif', 'webp']);
  });
});
