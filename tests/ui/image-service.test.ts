import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import photoService, { photoEncodingOf } from '~/ui/image-service';
import { encodePhoto } from '~/ui/photo-encoding';
import { prefetchPhoto } from '~/ui/photo-prefetch';
import { samplePhoto } from './photo-fixtures';

const config = {
  service: { entrypoint: './src/ui/image-service.ts', config: { assetsCacheDir: '/nonexistent' } },
  domains: [],
  remotePatterns: [],
};
let dir: string;
let photo: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'image-service-'));
  photo = await samplePhoto();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The service is only ever called by Astro; this is the shape Astro passes.
const transform = (options: Record<string, unknown>) =>
  photoService.transform(photo, { src: '/_astro/p.webp', ...options }, config as never);

describe('photoEncodingOf', () => {
  it('reads a width, a photo format and a numeric quality', () => {
    expect(photoEncodingOf({ src: 'x', width: 320, format: 'webp', quality: 70 })).toEqual({
      width: 320,
      format: 'webp',
      quality: 70,
    });
  });

  it('takes the height Astro derives from the aspect ratio as no crop', () => {
    expect(photoEncodingOf({ src: 'x', width: 320, height: 240, format: 'webp', quality: 70 })).toEqual({
      width: 320,
      format: 'webp',
      quality: 70,
    });
  });

  it('leaves crops, fills, other formats and named qualities to Astro’s sharp service', () => {
    for (const other of [
      { width: 320, height: 100, fit: 'cover', format: 'webp', quality: 70 },
      { width: 320, background: '#fff', format: 'webp', quality: 70 },
      { width: 320, format: 'png', quality: 70 },
      { width: 320, format: 'avif', quality: 50 },
      { width: 320, format: 'webp', quality: 'high' },
      { format: 'webp', quality: 70 },
    ]) {
      expect(photoEncodingOf(other)).toBeUndefined();
    }
  });
});

describe('the image service', () => {
  it('encodes photos with the site’s encoder', async () => {
    const result = await transform({ width: 320, format: 'webp', quality: 70 });
    expect(result.format).toBe('webp');
    expect(
      Buffer.from(result.data).equals(await encodePhoto(photo, { width: 320, format: 'webp', quality: 70 })),
    ).toBe(true);
  });

  it('uses the encode started while pages rendered instead of encoding again', async () => {
    // The early encode is of a different original, so its bytes show which one was used.
    const other = path.join(dir, 'other.webp');
    writeFileSync(
      other,
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c00' } })
        .webp()
        .toBuffer(),
    );
    const encoding = { width: 200, format: 'webp', quality: 70 } as const;
    prefetchPhoto({ src: '/_astro/p.webp', file: other, encoding, cacheFile: path.join(dir, 'none') });
    const result = await transform({ ...encoding });
    expect(Buffer.from(result.data).equals(await encodePhoto(await sharp(other).toBuffer(), encoding))).toBe(
      true,
    );
    expect((await sharp(result.data).metadata()).height).toBe(150);
  });

  it('encodes itself when the early encode failed', async () => {
    const encoding = { width: 160, format: 'webp', quality: 70 } as const;
    prefetchPhoto({
      src: '/_astro/p.webp',
      file: path.join(dir, 'gone.webp'),
      encoding,
      cacheFile: path.join(dir, 'none'),
    });
    const result = await transform({ ...encoding });
    expect((await sharp(result.data).metadata()).width).toBe(160);
  });

  it('names the encoder settings in what Astro hashes, so a new effort means new files', async () => {
    const src = { src: '/_astro/p.webp', width: 600, height: 450, format: 'webp' as const };
    const webp = await photoService.validateOptions!(
      { src, width: 320, format: 'webp', quality: 70 },
      config as never,
    );
    expect(webp).toMatchObject({ width: 320, format: 'webp', encoder: 'webp-effort2' });
    const png = await photoService.validateOptions!({ src, width: 320, format: 'png' }, config as never);
    expect(png).not.toHaveProperty('encoder');
    expect(photoService.propertiesToHash).toContain('encoder');
  });

  it('hands anything else to Astro’s sharp service', async () => {
    const result = await transform({ width: 100, height: 100, fit: 'cover', format: 'png' });
    const meta = await sharp(result.data).metadata();
    expect([result.format, meta.width, meta.height]).toEqual(['png', 100, 100]);
  });
});
