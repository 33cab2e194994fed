/**
 * The verification page is static; a photo the facility uploads after the build reaches it
 * through GET /api/verify (`product.photo`, the first uploaded photo). This decides what the
 * page's figure becomes: the uploaded photo's attributes, or nothing to change (no upload, or
 * an answer not shaped as expected), so a product without uploads keeps its first paint. Pure,
 * for the <live-verdict> script (client/live-photo.ts); the words come from the page.
 */
import type { Locale } from '~/i18n/locales';

/** The figure's column: 20rem beside the facts from 48rem, else the page's width. */
export const VERIFY_PHOTO_SIZES = '(min-width: 48rem) 20rem, calc(100vw - 2rem)';

/** What the figure's <img> gets. */
export interface PhotoSwap {
  src: string;
  srcset: string;
  sizes: string;
  alt: string;
  width: number;
  height: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const size = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;

/**
 * `photo`: the answer's `product.photo`. `fallbackAlt`: the page's "Photo of the product {name}",
 * for a photo with no description in the page's language (an English page never gets the
 * Vietnamese description as its alt text).
 */
export function livePhotoSwap(photo: unknown, locale: Locale, fallbackAlt: string): PhotoSwap | null {
  if (typeof photo !== 'object' || photo === null) return null;
  const p = photo as Record<string, unknown>;
  const src = text(p.url);
  const width = size(p.width);
  const height = size(p.height);
  // Only the site's own photo files: the answer is ours, but an image elsewhere would be a leak.
  if (!src.startsWith('/media/photos/') || !width || !height) return null;
  const alt = typeof p.alt === 'object' && p.alt !== null ? (p.alt as Record<string, unknown>) : {};
  return {
    src,
    srcset: text(p.srcset),
    sizes: VERIFY_PHOTO_SIZES,
    alt: text(alt[locale]) || fallbackAlt,
    width,
    height,
  };
}
