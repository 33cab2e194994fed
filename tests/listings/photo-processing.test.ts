/**
 * Uploaded photos turned into the site's files: the type is read from the bytes only; EXIF and
 * its GPS position, XMP and ICC are gone from every stored width; the camera's orientation is
 * applied; oversized uploads are refused before sharp sees a byte, decompression bombs before a
 * pixel is decoded; tiny and extreme images are refused or cropped as photo-rules.ts says.
 */
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { croppedAspect, processPhoto, sniffImageType } from '~/listings/photo-processing';
import { MAX_PHOTO_BYTES, parseAltText } from '~/listings/photo-rules';
import { photoProblemStrings } from '~/listings/photo-strings';
import { gpsTags, jpeg, jpegWithGps, png, pngClaiming, webp } from './photo-fixtures';

// Counts the images sharp is asked to open, to prove some refusals happen before it is.
const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const actual = (await importOriginal<{ default: typeof import('sharp') }>()).default;
  const counting = (...args: Parameters<typeof actual>) => {
    opened.count += 1;
    return actual(...args);
  };
  return { default: Object.assign(counting, actual) };
});
beforeEach(() => {
  opened.count = 0;
});

describe('sniffImageType', () => {
  it('knows JPEG, PNG and WebP by their magic bytes', async () => {
    expect(sniffImageType(await jpeg())).toBe('jpeg');
    expect(sniffImageType(await png())).toBe('png');
    expect(sniffImageType(await webp())).toBe('webp');
  });

  it('refuses everything else, whatever it would be called', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    for (const bytes of [
      Buffer.from('Đây là một tệp văn bản, tên là photo.jpg'),
      svg,
      gif,
      Buffer.from('RIFF\0\0\0\0WAVEfmt '), // RIFF, but audio
      Buffer.from([0xff, 0xd8]), // a JPEG's first two bytes only
      Buffer.alloc(0),
    ])
      expect(sniffImageType(bytes)).toBeUndefined();
  });
});

describe('processPhoto', () => {
  it('strips EXIF (GPS included), XMP and ICC from every stored width', async () => {
    const input = await jpegWithGps(1600, 1200);
    // The input really carries a GPS position: otherwise this test would prove nothing.
    const before = await sharp(input).metadata();
    expect(gpsTags(before.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(before.xmp?.toString()).toContain('GPSLatitude');
    expect(before.icc).toBeDefined();

    const result = await processPhoto(input);
    if (!result.ok) throw new Error(result.problem);
    expect(result.photo.files.map((f) => [f.width, f.height])).toEqual([
      [320, 240],
      [640, 480],
      [1280, 960],
    ]);
    expect(result.photo).toMatchObject({ sourceType: 'jpeg', width: 1280, height: 960 });
    for (const file of result.photo.files) {
      const meta = await sharp(file.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(file.contentType).toBe('image/webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(file.bytes.includes(Buffer.from('TestCam'))).toBe(false);
      expect(file.bytes.includes(Buffer.from('Exif'))).toBe(false);
    }
  });

  it('applies the EXIF orientation, so a portrait photo stays upright', async () => {
    // Stored 800×600 (landscape) with orientation 6: shown turned a quarter, 600×800.
    const input = await jpegWithGps(800, 600, 6);
    expect(await sharp(input).metadata()).toMatchObject({ width: 800, height: 600, orientation: 6 });
    const result = await processPhoto(input);
    if (!result.ok) throw new Error(result.problem);
    expect(result.photo.files.map((f) => [f.width, f.height])).toEqual([
      [320, 427],
      [600, 800],
    ]);
  });

  it('accepts PNG and WebP, keeps the aspect and never enlarges', async () => {
    const fromPng = await processPhoto(await png(900, 600));
    expect(fromPng.ok && fromPng.photo.files.map((f) => [f.width, f.height])).toEqual([
      [320, 213],
      [640, 427],
      [900, 600],
    ]);
    const fromWebp = await processPhoto(await webp(700, 700));
    expect(fromWebp.ok && [fromWebp.photo.sourceType, fromWebp.photo.width, fromWebp.photo.height]).toEqual([
      'webp',
      700,
      700,
    ]);
  });

  it('crops beyond 2:1, centred', async () => {
    const result = await processPhoto(await png(3000, 500));
    expect(result.ok && [result.photo.width, result.photo.height]).toEqual([1000, 500]);
    expect(croppedAspect(600, 3000)).toEqual({ width: 600, height: 1200 });
    expect(croppedAspect(1200, 900)).toEqual({ width: 1200, height: 900 });
  });

  it('refuses a text file (named photo.jpg or anything) as not_an_image, without opening it', async () => {
    const text = new File(['Không phải ảnh'], 'photo.jpg', { type: 'image/jpeg' });
    expect(await processPhoto(new Uint8Array(await text.arrayBuffer()))).toEqual({
      ok: false,
      problem: 'not_an_image',
    });
    expect(opened.count).toBe(0);
  });

  it('refuses more than 10 MB before opening it', async () => {
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await processPhoto(big)).toEqual({ ok: false, problem: 'too_large' });
    expect(opened.count).toBe(0);
  });

  it('refuses a decompression bomb from its header, and damaged or tiny images', async () => {
    expect(await processPhoto(pngClaiming(10_000, 10_000))).toEqual({
      ok: false,
      problem: 'too_many_pixels',
    });
    const whole = await jpeg(800, 600);
    expect(await processPhoto(whole.subarray(0, 400))).toEqual({ ok: false, problem: 'unreadable' });
    expect(await processPhoto(pngClaiming(1000, 800))).toEqual({ ok: false, problem: 'unreadable' });
    expect(await processPhoto(await png(640, 150))).toEqual({ ok: false, problem: 'too_small' });
  });
});

describe('alt texts and problem messages', () => {
  it('needs a Vietnamese alt text, takes an English one, and cleans both', () => {
    expect(parseAltText('  Chai  nước mắm\n500 ml ', '')).toEqual({
      ok: true,
      alt: { vi: 'Chai nước mắm 500 ml' },
    });
    expect(parseAltText('Chai', 'Bottle\0')).toEqual({ ok: true, alt: { vi: 'Chai', en: 'Bottle' } });
    expect(parseAltText('   ', 'Bottle')).toEqual({ ok: false, field: 'alt', problem: 'alt_required' });
    expect(parseAltText(undefined, undefined)).toMatchObject({ ok: false, problem: 'alt_required' });
    expect(parseAltText('a'.repeat(201), '')).toMatchObject({
      ok: false,
      field: 'alt',
      problem: 'alt_too_long',
    });
    expect(parseAltText('Chai', 'b'.repeat(201))).toMatchObject({ ok: false, field: 'altEn' });
  });

  it('words every problem in Vietnamese and English', () => {
    expect(photoProblemStrings('vi')('too_large')).toContain('10 MB');
    expect(photoProblemStrings('vi')('not_an_image')).toMatch(/không phải là ảnh/);
    expect(photoProblemStrings('en')('too_many_photos')).toContain('12');
  });
});
