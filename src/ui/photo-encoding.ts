/**
 * How a photo is encoded: one function for the build's image service and for the encodes it
 * starts early (./photo-prefetch.ts), so both give the same bytes for the same request.
 *
 * Measured with sharp on the sample's 600×450 photos on this 2-core machine (per image at
 * 320 / 600 px):
 * - WebP q70: effort 4 (sharp's default, and Astro's) 14 / 26 ms for 2.5 / 5.5 KB; effort 2
 *   9 / 22 ms for 2.7 / 5.8 KB. Effort 2 it is: a fifth less encoding for 5 % more bytes.
 * - AVIF q50: effort 4 153 / 318 ms; effort 2 25 / 63 ms for 1.8 / 3.6 KB; effort 1 17 / 39 ms
 *   for 2.0 / 3.9 KB; effort 0 is larger than WebP. Even AVIF 600 px at effort 1 for the main
 *   photos alone (product and facility pages' largest paint) took a cold 12,000-product build
 *   to 566–604 s, at or past its 10-minute budget (`npm run bench`, 2026-11-27), so the site
 *   serves WebP only.
 */
import sharp from 'sharp';

export const PHOTO_FORMAT = 'webp';
export type PhotoFormat = typeof PHOTO_FORMAT;
export const PHOTO_QUALITY = 70;
const EFFORT = 2;

export interface PhotoEncoding {
  width: number;
  format: PhotoFormat;
  quality: number;
}

export function isPhotoFormat(format: unknown): format is PhotoFormat {
  return format === PHOTO_FORMAT;
}

/**
 * Names the encoder settings. Astro's cache and file names hash the transform's options, not
 * the encoder's, so this goes into the hash: changing the effort re-encodes.
 */
export const PHOTO_ENCODER = `${PHOTO_FORMAT}-effort${EFFORT}`;

/** Resizes to `width` (height follows the aspect ratio), honouring EXIF orientation as Astro does. */
export function encodePhoto(input: Uint8Array, encoding: PhotoEncoding): Promise<Buffer> {
  return sharp(input, { failOnError: false })
    .rotate()
    .resize({ width: encoding.width })
    .toFormat(encoding.format, { quality: encoding.quality, effort: EFFORT })
    .toBuffer();
}
