/**
 * The build's image service: Astro's sharp service, except that photos (a width, WebP, a
 * quality) are encoded by ./photo-encoding.ts, where the encoder effort is chosen (Astro's
 * service leaves sharp's default), and an encode already started while pages rendered
 * (./photo-prefetch.ts) is used instead of a second one.
 */
import type { LocalImageService } from 'astro';
import sharpService, { type SharpImageServiceConfig } from 'astro/assets/services/sharp';
import { encodePhoto, isPhotoFormat, PHOTO_ENCODER, type PhotoEncoding } from './photo-encoding';
import { takePrefetched } from './photo-prefetch';

export interface PhotoServiceConfig extends SharpImageServiceConfig {
  /** Astro's processed-image cache (`<cacheDir>/assets`): what is there is never encoded again. */
  assetsCacheDir: string;
}

/**
 * The request as a photo encoding, or undefined for anything else (crops, fills, SVG…). Astro
 * fills in the height of a local image from its aspect ratio; without `fit` it is not a crop,
 * and Astro's own service resizes by width alone as well.
 */
export function photoEncodingOf(transform: Record<string, unknown>): PhotoEncoding | undefined {
  const { width, format, quality, fit, background } = transform;
  if (fit !== undefined || background !== undefined) return undefined;
  if (typeof width !== 'number' || typeof quality !== 'number' || !isPhotoFormat(format)) return undefined;
  return { width, format, quality };
}

const photoService: LocalImageService<PhotoServiceConfig> = {
  ...sharpService,
  async validateOptions(options, config) {
    const validated = await sharpService.validateOptions!(options, config);
    return isPhotoFormat(validated.format) ? { ...validated, encoder: PHOTO_ENCODER } : validated;
  },
  // Astro's default list, and the encoder settings (see PHOTO_ENCODER).
  propertiesToHash: [
    'src',
    'width',
    'height',
    'format',
    'quality',
    'fit',
    'position',
    'background',
    'encoder',
  ],
  async transform(input, transform, config) {
    const encoding = photoEncodingOf(transform);
    if (!encoding) return sharpService.transform(input, transform, config);
    const early = takePrefetched(transform.src, encoding);
    const data = early
      ? await early.catch(() => encodePhoto(input, encoding))
      : await encodePhoto(input, encoding);
    return { data, format: encoding.format };
  },
};

export default photoService;
