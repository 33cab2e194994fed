/**
 * The photos facilities uploaded, as a build sees them: fetched from the database before
 * `astro build` (scripts/prepare-build.ts) into one file, so the next build shows them on the
 * product cards and as the product page's first paint. Here: the file's shape (written the
 * same way for the same photos, so the build stays deterministic) and the card's choice of
 * picture. Pure; the file itself is read and written by ./uploaded-photos-file.ts.
 */
import { z } from 'zod';
import type { FlaggedPhoto } from '~/catalogue';
import { type LivePhoto, photoUrl, storedWidths } from '~/listings';

/** Product id → its uploaded photos, in the order the facility gave them. */
export type UploadedPhotos = ReadonlyMap<string, readonly LivePhoto[]>;

export const NO_UPLOADED_PHOTOS: UploadedPhotos = new Map();

const FORMAT = 1;

const photoSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]{16,40}$/),
    alt: z.object({ vi: z.string(), en: z.string().optional() }).strict(),
    width: z.number().int().positive().max(10_000),
    height: z.number().int().positive().max(10_000),
  })
  .strict();

const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    products: z.record(z.string().min(1), z.array(photoSchema)),
  })
  .strict();

/** The photos as the admin command `listings.photos` answers them (JSON), checked. */
export function uploadedPhotosFromJson(value: unknown): UploadedPhotos {
  const parsed = fileSchema.shape.products.parse(value);
  return new Map(
    Object.entries(parsed)
      .filter(([, photos]) => photos.length > 0)
      .map(([productId, photos]) => [productId, photos.map(photoOf)]),
  );
}

function photoOf(p: z.infer<typeof photoSchema>): LivePhoto {
  return {
    id: p.id,
    alt: { vi: p.alt.vi, ...(p.alt.en ? { en: p.alt.en } : {}) },
    width: p.width,
    height: p.height,
  };
}

/**
 * The file's text: products by id, photos in their order, keys in a fixed order and no date,
 * so the same photos give the same bytes (and an unchanged file need not be rewritten).
 */
export function serialiseUploadedPhotos(photos: UploadedPhotos): string {
  const ids = [...photos.keys()].filter((id) => (photos.get(id)?.length ?? 0) > 0).sort();
  const products = Object.fromEntries(ids.map((id) => [id, photos.get(id)!.map(photoOf)]));
  return `${JSON.stringify({ format: FORMAT, products }, null, 1)}\n`;
}

/** Reads the file's text back; throws on anything it did not write. */
export function parseUploadedPhotos(text: string): UploadedPhotos {
  const parsed = fileSchema.parse(JSON.parse(text));
  return uploadedPhotosFromJson(parsed.products);
}

/** Widths a card may load: a card is at most ~17rem wide, so 640 covers it at 2×. */
const CARD_MAX_WIDTH = 640;
/** The card's laid-out width (CSS px) its `width`/`height` attributes use; CSS sets the box. */
export const CARD_PHOTO_WIDTH = 320;
/** Two columns on a phone, three from 40rem, four from 64rem in a 72rem page. */
export const CARD_PHOTO_SIZES =
  '(min-width: 72rem) 17rem, (min-width: 64rem) 24vw, (min-width: 40rem) 32vw, 48vw';

/** A plain `<img>` for an uploaded photo on a card. */
export interface CardUploadImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

export type CardPhoto<P> =
  /** The facility's first uploaded photo: a real photo, never labelled. */
  | { kind: 'upload'; photo: LivePhoto; image: CardUploadImage; illustration: false }
  /** The catalogue's picture (a real photo first, else a drawing, labelled). */
  | { kind: 'catalogue'; photo: P; illustration: boolean };

/**
 * What a product card shows: the first uploaded photo when the facility uploaded any, else the
 * catalogue's first real photo, else its first drawing; undefined when there is nothing.
 * `catalogue` is the card's pictures flagged in order (flagIllustrations).
 */
export function cardPhoto<P>(
  catalogue: readonly FlaggedPhoto<P>[],
  uploads: readonly LivePhoto[] | undefined,
): CardPhoto<P> | undefined {
  const upload = uploads?.[0];
  if (upload) return { kind: 'upload', photo: upload, image: cardUploadImage(upload), illustration: false };
  const real = catalogue.find((p) => !p.illustration) ?? catalogue[0];
  return real && { kind: 'catalogue', photo: real.photo, illustration: real.illustration };
}

function cardUploadImage(photo: LivePhoto): CardUploadImage {
  const widths = storedWidths(photo.width);
  const upTo = widths.filter((w) => w <= CARD_MAX_WIDTH);
  const shown = upTo.length > 0 ? upTo : widths.slice(0, 1);
  const src = photoUrl(photo.id, widths.find((w) => w >= CARD_PHOTO_WIDTH) ?? photo.width);
  return {
    src,
    srcset: shown.map((w) => `${photoUrl(photo.id, w)} ${w}w`).join(', '),
    sizes: CARD_PHOTO_SIZES,
    width: CARD_PHOTO_WIDTH,
    height: Math.round((CARD_PHOTO_WIDTH * photo.height) / photo.width),
  };
}
