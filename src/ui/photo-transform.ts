/**
 * One astro:assets transform per distinct photo and size, however many pages show it. A card's
 * thumbnail appears on a dozen browse pages in two languages; getImage hashes its options on
 * every call, which was the largest single cost of rendering the catalogue (~2 s of a build).
 * Every photo on the site is WebP at quality 70: the policy lives here, once.
 */
import { getImage } from 'astro:assets';
import type { GetImageResult, ImageMetadata } from 'astro';

export interface PhotoSize {
  width: number;
  /** Widths for srcset; without it, one image of `width`. */
  widths?: number[];
}

const transforms = new Map<string, Promise<GetImageResult>>();

export function photoTransform(src: ImageMetadata, size: PhotoSize): Promise<GetImageResult> {
  const key = `${src.src}|${size.width}|${size.widths?.join(',') ?? ''}`;
  let image = transforms.get(key);
  if (!image) {
    image = getImage({ src, width: size.width, ...(size.widths ? { widths: size.widths } : {}), format: 'webp', quality: 70 });
    transforms.set(key, image);
  }
  return image;
}
