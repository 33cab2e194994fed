import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePhoto, isPhotoFormat, PHOTO_ENCODER, PHOTO_QUALITY } from '~/ui/photo-encoding';
import { samplePhoto } from './photo-fixtures';

let photo: Buffer;
beforeAll(async () => {
  photo = await samplePhoto();
});

describe('encodePhoto', () => {
  it('gives WebP at the width asked, keeping the aspect ratio', async () => {
    for (const [width, height] of [
      [320, 240],
      [600, 450],
    ]) {
      const meta = await sharp(
        await encodePhoto(photo, { width: width!, format: 'webp', quality: PHOTO_QUALITY }),
      ).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', width, height]);
    }
  });

  it('is deterministic, so an early encode and a late one are the same bytes', async () => {
    const encoding = { width: 320, format: 'webp', quality: 70 } as const;
    expect((await encodePhoto(photo, encoding)).equals(await encodePhoto(photo, encoding))).toBe(true);
  });

  it('encodes with less effort than sharp’s default, as its name says', async () => {
    const ours = await encodePhoto(photo, { width: 600, format: 'webp', quality: 70 });
    const sharpDefault = await sharp(photo).resize({ width: 600 }).webp({ quality: 70 }).toBuffer();
    expect(ours.equals(sharpDefault)).toBe(false);
    expect(PHOTO_ENCODER).toBe('webp-effort2');
  });
});

describe('isPhotoFormat', () => {
  it('knows WebP only', () => {
    expect(['avif', 'webp', 'png', 'jpeg', undefined].filter(isPhotoFormat)).toEqual(['webp']);
  });
});
