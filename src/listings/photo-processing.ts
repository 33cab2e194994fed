/**
 * An uploaded photo turned into the files the site serves: the type read from the bytes (never
 * the file name or the declared type), sizes checked before the pixels are decoded, the camera's
 * orientation applied, then one WebP per stored width (photo-urls.ts) with NO metadata: sharp
 * writes none unless asked (withMetadata/keepExif, never called here), so EXIF, GPS, XMP and
 * ICC profiles are gone. Pure (sharp only; no database).
 *
 * Aspect ratio: kept, because a facility frames its product (a tall bottle, a wide set) and the
 * product page shows the whole photo; the site's 4:3 slots (cards) crop with CSS object-fit, and
 * width/height go out with every photo so nothing shifts. Only beyond 2:1 either way is the
 * photo cropped, centred, so a 1280 px wide file is never a 10,000 px tall strip.
 */
import sharp from 'sharp';
import {
  MAX_ASPECT,
  MAX_INPUT_PIXELS,
  MAX_PHOTO_BYTES,
  MIN_PHOTO_SIDE,
  type PhotoProblem,
} from './photo-rules';
import { largestWidth, storedWidths } from './photo-urls';

export type ImageType = 'jpeg' | 'png' | 'webp';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The image type by its magic bytes; undefined for anything else (SVG, GIF, HEIC, text, …). */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  return undefined;
}

export interface PhotoFile {
  width: number;
  height: number;
  contentType: 'image/webp';
  bytes: Buffer;
}

export interface ProcessedPhoto {
  /** What the upload was (for the audit log). */
  sourceType: ImageType;
  /** The largest stored size (the photo's width and height on the site). */
  width: number;
  height: number;
  /** One file per stored width, smallest first. */
  files: PhotoFile[];
}

export type PhotoProcessing = { ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem };

/** WebP quality for photos: indistinguishable from the source at these sizes, about a third of JPEG's bytes. */
const QUALITY = 80;

const decodeOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;

/** The box the oriented photo is cut to: itself, or its centre at 2:1 when it is more extreme. */
export function croppedAspect(width: number, height: number): { width: number; height: number } {
  if (width > height * MAX_ASPECT) return { width: Math.round(height * MAX_ASPECT), height };
  if (height > width * MAX_ASPECT) return { width, height: Math.round(width * MAX_ASPECT) };
  return { width, height };
}

export async function processPhoto(bytes: Uint8Array): Promise<PhotoProcessing> {
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, problem: 'too_large' };
  const sourceType = sniffImageType(bytes);
  if (!sourceType) return { ok: false, problem: 'not_an_image' };
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    // The header only: size and orientation, before any pixel is decoded.
    const meta = await sharp(input, decodeOptions).metadata();
    if (meta.format !== sourceType || !meta.width || !meta.height)
      return { ok: false, problem: 'unreadable' };
    if (meta.width * meta.height > MAX_INPUT_PIXELS) return { ok: false, problem: 'too_many_pixels' };
    // EXIF orientations 5–8 turn the photo a quarter: its width on screen is its stored height.
    const turned = (meta.orientation ?? 1) >= 5;
    const oriented = turned
      ? { width: meta.height, height: meta.width }
      : { width: meta.width, height: meta.height };
    if (Math.min(oriented.width, oriented.height) < MIN_PHOTO_SIDE)
      return { ok: false, problem: 'too_small' };

    const box = croppedAspect(oriented.width, oriented.height);
    const largest = largestWidth(box.width);
    const heightAt = (w: number) => Math.max(1, Math.round((w * box.height) / box.width));
    // Decoded once, to the largest size; the smaller ones are made from those pixels.
    const { data, info } = await sharp(input, decodeOptions)
      .rotate()
      .resize({ width: largest, height: heightAt(largest), fit: 'cover', position: 'centre' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    const files: PhotoFile[] = [];
    for (const width of storedWidths(largest)) {
      const height = heightAt(width);
      let image = sharp(data, raw);
      if (width !== info.width) image = image.resize({ width, height, fit: 'fill' });
      const out = await image.webp({ quality: QUALITY, effort: 4 }).toBuffer({ resolveWithObject: true });
      files.push({
        width: out.info.width,
        height: out.info.height,
        contentType: 'image/webp',
        bytes: out.data,
      });
    }
    const top = files[files.length - 1]!;
    return { ok: true, photo: { sourceType, width: top.width, height: top.height, files } };
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) return { ok: false, problem: 'too_many_pixels' };
    return { ok: false, problem: 'unreadable' };
  }
}
