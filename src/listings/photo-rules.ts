/**
 * The rules an uploaded photo and its alt text meet, shared by the portal's photo page and the
 * facility API so both refuse the same things with the same problem codes (photo-strings.ts words
 * them). Pure: no framework, database or image library.
 */

/** PRODUCT.md: "JPEG, PNG or WebP, at most 10 MB". */
export const MAX_PHOTO_MEGABYTES = 10;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MEGABYTES * 1024 * 1024;
/**
 * A form or multipart body carrying one photo: the photo plus its boundaries and alt texts. A
 * larger body is refused while it is read, before anything is decoded.
 */
export const PHOTO_FORM_MAX_BYTES = MAX_PHOTO_BYTES + 64 * 1024;
/**
 * Decoded size refused before decoding: 50 MP lets in today's 50-megapixel phone cameras, and
 * bounds a decompression bomb (a small file that decodes to gigapixels) at ~200 MB of memory.
 */
export const MAX_INPUT_MEGAPIXELS = 50;
export const MAX_INPUT_PIXELS = MAX_INPUT_MEGAPIXELS * 1_000_000;
/** Below this on either side the smallest size the site shows (320 px wide) would be blurred. */
export const MIN_PHOTO_SIDE = 200;
/** Photos wider or taller than 2:1 are cropped to it, centred (see photo-processing.ts). */
export const MAX_ASPECT = 2;
export const MAX_PHOTOS_PER_PRODUCT = 12;
export const MAX_ALT_LENGTH = 200;

export const PHOTO_PROBLEMS = [
  'photo_required',
  'not_an_image',
  'too_large',
  'too_many_pixels',
  'too_small',
  'unreadable',
  'too_many_photos',
  'alt_required',
  'alt_too_long',
] as const;
export type PhotoProblem = (typeof PHOTO_PROBLEMS)[number];

export interface AltText {
  vi: string;
  en?: string | undefined;
}

export type AltParse =
  | { ok: true; alt: AltText }
  | { ok: false; field: 'alt' | 'altEn'; problem: 'alt_required' | 'alt_too_long' };

/** Alt texts from a form: Vietnamese required, English optional (empty = none), both trimmed. */
export function parseAltText(vi: unknown, en: unknown): AltParse {
  // Control characters (a NUL would make PostgreSQL refuse the row) and runs of space become one space.
  const clean = (value: unknown) =>
    typeof value === 'string' ? value.replace(/[\p{Cc}\s]+/gu, ' ').trim() : '';
  const altVi = clean(vi);
  const altEn = clean(en);
  if (altVi === '') return { ok: false, field: 'alt', problem: 'alt_required' };
  if ([...altVi].length > MAX_ALT_LENGTH) return { ok: false, field: 'alt', problem: 'alt_too_long' };
  if ([...altEn].length > MAX_ALT_LENGTH) return { ok: false, field: 'altEn', problem: 'alt_too_long' };
  return { ok: true, alt: { vi: altVi, ...(altEn ? { en: altEn } : {}) } };
}
