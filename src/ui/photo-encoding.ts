/**
 * How a photo is encoded: one function for the build's image service and for the encodes it
 * starts early (./photo-prefetch.ts), so both give the same bytes for the same request.
 *
 * Quality and effort were chosen by measuring sharp on the sample's 600×450 photos on this
 * 2-core machine (per image at 320 / 600 px):
 * - WebP q70: effort 4 (sharp's default) 14 / 26 ms, 2.5 / 5.5 KB; effort 2 9 / 22 ms, 2.7 / 5.8 KB.
 * - AVIF q50: effort 4 (the default) 153 / 318 ms; effort 2 25 / 63 ms, 1.8 / 3.6 KB;
 *   effort 1 17 / 39 ms, 2.0 / 3.9 KB; effort 0 is larger than WebP.
 * Effort 1 keeps AVIF a third smaller than WebP at a cost a 12,000-product build can afford.
 */
import sharp from 'sharp';

export const PHOTO_FORMATS = ['avif', 'webp'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** Quality per format: AVIF q50 looks like WebP q70 on these photos at a third fewer bytes. */
export const PHOTO_QUALITY: Record<PhotoFormat, number> = { avif: 50, webp: 70 };
const EFFORT: Record<PhotoFormat, number> = { avif: 1, webp: 2 };

export interface PhotoEncoding {
  width: number;
  format: PhotoFormat;
  quality: number;
}

export function isPhotoFormat(format: unknown): format is PhotoFormat {
  return (PHOTO_FORMATS as readonly unknown[]).includes(format);
}

/**
 * Names the encoder settings of a format. Astro's cache and file names hash the transform's
 * options, not the encoder's, so this goes into the hash: changing an effort re-encodes.
 */
export function encoderId(format: PhotoFormat): string {
  return `${format}-effort${EFFORT[format]}`;
}

/** Resizes to `width` (height follows the aspect ratio), honouring EXIF orientation as Astro does. */
export function encodePhoto(input: Uint8Array, encoding: PhotoEncoding): Promise<Buffer> {
  return sharp(input, { failOnError: false })
    .rotate()
    .resize({ width: encoding.width })
    .toFormat(encoding.format, { quality: encoding.quality, effort: EFFORT[encoding.format] })
    .toBuffer();
}
