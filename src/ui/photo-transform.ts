/**
 * One astro:assets transform per distinct photo and size, however many pages show it.
 * A card's thumbnail appears on a dozen browse pages in two languages; getImage hashes its
 * options on every call, which was the largest single cost of rendering the catalogue (~2 s of
 * a build). Every photo is WebP; quality and effort live in ./photo-encoding.ts, once.
 */

import { getImage, imageConfig } from 'astro:assets';
import path from 'node:path';
import type { GetImageResult, ImageMetadata } from 'astro';
import type { PhotoServiceConfig } from './image-service';
import { PHOTO_FORMAT, PHOTO_QUALITY } from './photo-encoding';
import { prefetchPhoto } from './photo-prefetch';

export interface PhotoSize {
  width: number;
  /** Widths for srcset; without it, one image of `width`. */
  widths?: number[];
}

const transforms = new Map<string, Promise<GetImageResult>>();
const prefetched = new Set<string>();

/**
 * `prefetch`: the page is being prerendered by `astro build`, so the encodes this transform
 * needs may start now rather than after the last page (./photo-prefetch.ts).
 */
export function photoTransform(
  src: ImageMetadata,
  size: PhotoSize,
  prefetch: boolean,
): Promise<GetImageResult> {
  const key = `${src.src}|${size.width}|${size.widths?.join(',') ?? ''}`;
  let image = transforms.get(key);
  if (!image) {
    image = getImage({
      src,
      width: size.width,
      ...(size.widths ? { widths: size.widths } : {}),
      format: PHOTO_FORMAT,
      quality: PHOTO_QUALITY,
    });
    transforms.set(key, image);
  }
  if (prefetch && !prefetched.has(key)) {
    prefetched.add(key);
    // Only an optimisation: if it fails, the image service encodes as it would have anyway.
    image.then((result) => prefetchEncodes(src, result)).catch(() => undefined);
  }
  return image;
}

/** Queues every file of a transform (its `src` and each srcset width) that the cache lacks. */
function prefetchEncodes(src: ImageMetadata, image: GetImageResult): void {
  // Astro reads originals from this path itself; it is set on every imported image at build.
  const file = (src as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) return;
  const { assetsCacheDir } = imageConfig.service.config as PhotoServiceConfig;
  const outputs = [
    { url: image.src, width: image.options.width },
    ...image.srcSet.values.map((value) => ({ url: value.url, width: value.transform.width })),
  ];
  for (const { url, width } of outputs) {
    if (typeof width !== 'number') continue;
    prefetchPhoto({
      src: src.src,
      file,
      encoding: { width, format: PHOTO_FORMAT, quality: PHOTO_QUALITY },
      cacheFile: path.join(
        assetsCacheDir,
        path.posix.basename(new URL(url, 'http://build.invalid').pathname),
      ),
    });
  }
}
