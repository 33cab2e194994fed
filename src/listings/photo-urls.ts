/**
 * Where an uploaded photo is served and at which widths. Pure, so pages, the API and browser
 * code build the same URLs. A photo's id is never reused, so its URLs never change content.
 */

/** Widths the site shows photos at (cards, gallery, large screens and Open Graph). */
export const PHOTO_WIDTHS = [320, 640, 1280] as const;

/** The widths stored for a photo whose largest stored width is `largest` (see photo processing). */
export function storedWidths(largest: number): number[] {
  return [...PHOTO_WIDTHS.filter((w) => w < largest), largest];
}

/** The largest width stored for an upload `original` pixels wide: never enlarged, at most 1280. */
export function largestWidth(original: number): number {
  return Math.min(original, PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]!);
}

export function photoUrl(photoId: string, width: number): string {
  return `/media/photos/${photoId}-${width}.webp`;
}

export const PHOTO_URL_SHAPE = /^\/media\/photos\/([a-z0-9]{16,40})-(\d{2,4})\.webp$/;

export interface LivePhoto {
  id: string;
  alt: { vi: string; en?: string | undefined };
  /** Largest stored width and its height. */
  width: number;
  height: number;
}

/** `srcset` for a live photo: every stored width. */
export function photoSrcset(photo: LivePhoto): string {
  return storedWidths(photo.width)
    .map((w) => `${photoUrl(photo.id, w)} ${w}w`)
    .join(', ');
}

/** An uploaded photo as the JSON APIs give it (GET /api/products/{id}, the facility API). */
export function photoJson(photo: LivePhoto) {
  return {
    id: photo.id,
    url: photoUrl(photo.id, photo.width),
    srcset: photoSrcset(photo),
    alt: { vi: photo.alt.vi, en: photo.alt.en ?? null },
    width: photo.width,
    height: photo.height,
  };
}
