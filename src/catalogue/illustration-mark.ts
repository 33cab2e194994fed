/**
 * How a drawn picture is told from a real photo. Every picture ./photos.ts draws carries this
 * mark in its EXIF (ImageDescription); a real photo never does: a file put in place of a
 * drawing replaces the mark with it, and uploads are stripped of all metadata. The mark travels
 * with the file, so a fresh clone (every picture drawn), a real deployment (some files real)
 * and a drawing later replaced by a photo all read right, with no list to keep in step.
 * Pure and browser-safe: the file reading is in ./illustration-files.ts.
 */

/** What is searched for; the version lets a later drawing style be told apart if it matters. */
export const ILLUSTRATION_MARK = 'cnnt-illustration/1';

/** The EXIF ImageDescription of a drawing (ASCII, as EXIF wants it). */
export const ILLUSTRATION_DESCRIPTION = `${ILLUSTRATION_MARK}: drawn by Cho CNNT, an illustration and not a photograph of the product`;

/**
 * Files larger than this are real photos without being read: drawings are 600x450 WebP under
 * 30 KB, and reading every large original at build time would cost seconds for nothing.
 */
export const ILLUSTRATION_MAX_BYTES = 256 * 1024;

const MARK_BYTES = Array.from(ILLUSTRATION_MARK, (c) => c.charCodeAt(0));

function asciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** True for the bytes of a drawing: a WebP file (RIFF…WEBP) that holds the mark. */
export function hasIllustrationMark(bytes: Uint8Array): boolean {
  if (bytes.length > ILLUSTRATION_MAX_BYTES || bytes.length < 12) return false;
  if (!asciiAt(bytes, 0, 'RIFF') || !asciiAt(bytes, 8, 'WEBP')) return false;
  const first = MARK_BYTES[0]!;
  const last = bytes.length - MARK_BYTES.length;
  outer: for (let i = 12; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < MARK_BYTES.length; j++) if (bytes[i + j] !== MARK_BYTES[j]) continue outer;
    return true;
  }
  return false;
}

/** A picture with what it is: `illustration` when it was drawn, not photographed. */
export interface FlaggedPhoto<T> {
  photo: T;
  illustration: boolean;
}

/**
 * Real photos before drawings, each group in its own order: where a record has both, the one
 * shown large (gallery, card, verification page, Open Graph image) is the real photo.
 */
export function realPhotosFirst<T extends { illustration: boolean }>(photos: readonly T[]): T[] {
  return [...photos.filter((p) => !p.illustration), ...photos.filter((p) => p.illustration)];
}
