/**
 * Listings on the server: the saved listings laid over the built catalogue (one LiveListings per
 * process), and the store's operations for the portal and the facility API.
 */
import { asc, isNull } from 'drizzle-orm';
import type { Catalogue, Listing } from '~/catalogue';
import { currentCatalogue } from '~/catalogue/astro';
import type { Actor } from '~/db/audit-log';
import { type Database, database } from '~/db/client';
import { listingPhotos } from './db-schema';
import type { ListingBody } from './listing-input';
import { type SaveOptions, type SaveOutcome, saveListing, undoLastChange } from './listing-store';
import { LiveListings } from './live-listings';
import { databaseListingSource } from './live-source';
import { PhotoFileCache } from './photo-cache';
import { handlePhotoFile } from './photo-files-api';
import { photoFile } from './photo-store';
import type { LivePhoto } from './photo-urls';

let live: Promise<LiveListings | undefined> | undefined;

function liveListings(): Promise<LiveListings | undefined> {
  live ??= database().then(
    ({ db }) => new LiveListings(databaseListingSource(db)),
    () => {
      // No database: the built listings stand; try again on the next request.
      live = undefined;
      return undefined;
    },
  );
  return live;
}

/** The catalogue with what facilities saved (listings, within a second on every server). */
export async function withLiveListings(catalogue: Catalogue): Promise<Catalogue> {
  const listings = await liveListings();
  return listings ? listings.apply(catalogue) : catalogue;
}

/** A product's uploaded photos, in order; empty when it has none. */
export async function livePhotosOf(productId: string): Promise<LivePhoto[]> {
  const listings = await liveListings();
  return listings ? listings.photosOf(productId) : [];
}

/**
 * Every product's uploaded photos, in order (products by id): what a build shows on cards and
 * as the product page's first paint (the admin command `listings.photos`). Read-only.
 */
export async function uploadedPhotosByProduct(db: Database): Promise<Record<string, LivePhoto[]>> {
  const rows = await db
    .select()
    .from(listingPhotos)
    .where(isNull(listingPhotos.deletedAt))
    .orderBy(asc(listingPhotos.productId), asc(listingPhotos.position), asc(listingPhotos.createdAt));
  const byProduct: Record<string, LivePhoto[]> = {};
  for (const r of rows) {
    const photos = byProduct[r.productId] ?? [];
    photos.push({
      id: r.id,
      alt: { vi: r.altVi, ...(r.altEn ? { en: r.altEn } : {}) },
      width: r.width,
      height: r.height,
    });
    byProduct[r.productId] = photos;
  }
  return byProduct;
}

/** After a save on this server: its next request reads the change at once. */
export async function listingsChanged(): Promise<void> {
  (await liveListings())?.invalidate();
}

/** The registry files as they are now, with the saved listings: what a facility edits. */
export async function editableCatalogue(): Promise<Catalogue> {
  return withLiveListings(await currentCatalogue());
}

/** A files' listing in the shape facilities save (photos apart). */
export function listingBodyOf(listing: Listing | undefined): ListingBody | null {
  if (!listing) return null;
  return {
    ...(listing.description ? { description: listing.description } : {}),
    variants: listing.variants.map((v) => ({ ...v })),
  };
}

export type ProductLookup =
  | { ok: true; productId: string; facilityId: string }
  | { ok: false; reason: 'unknown_product' | 'other_facility' };

/** Whether `facilityId` may edit `productId`'s listing (the registry's product of that facility). */
export async function productOfFacility(productId: string, facilityId: string): Promise<ProductLookup> {
  const product = (await currentCatalogue()).productById.get(productId);
  if (!product) return { ok: false, reason: 'unknown_product' };
  if (product.facilityId !== facilityId) return { ok: false, reason: 'other_facility' };
  return { ok: true, productId, facilityId };
}

async function target(productId: string) {
  const files = await currentCatalogue();
  const product = files.productById.get(productId);
  if (!product) throw new Error(`unknown product ${productId}`);
  return {
    productId,
    facilityId: product.facilityId,
    fileListing: listingBodyOf(files.origin.listingByProduct.get(productId)),
    // The files' SKUs; those saved listings hold are guarded by listing_skus in the save itself,
    // so a save needs no rebuilt view of every saved listing (one per change on a busy server).
    skuOwner: (sku: string) => files.variantBySku.get(sku)?.product.id,
  };
}

/**
 * Saves a product's listing (call productOfFacility first) and makes this server show it at
 * once; the other servers within a second.
 */
export async function saveListingNow(
  actor: Actor,
  productId: string,
  listing: ListingBody,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const { db } = await database();
  const outcome = await saveListing(db, actor, await target(productId), listing, options);
  if (outcome.ok) await listingsChanged();
  return outcome;
}

/** Steps a product's listing back one saved change (see undoLastChange). */
export async function undoListingNow(actor: Actor, productId: string): Promise<SaveOutcome> {
  const { db } = await database();
  const outcome = await undoLastChange(db, actor, await target(productId));
  if (outcome.ok) await listingsChanged();
  return outcome;
}

export { type ListingBody, type ListingProblems, parseListing } from './listing-input';
export {
  type ListingRevisionEntry,
  type ListingTarget,
  listingHistory,
  type SavedListing,
  type SaveOptions,
  type SaveOutcome,
  savedListing,
  takeChangeSeq,
} from './listing-store';
export { problemMessages } from './listing-strings';

// Photos uploaded by facilities: checked and resized (photo-processing.ts), stored with their
// files (photo-store.ts), served from /media/photos/ (photo-files-api.ts).
const photoCache = new PhotoFileCache();

/** GET /media/photos/{id}-{width}.webp on this server (one file cache per process). */
export async function servePhotoFile(request: Request, file: string | undefined): Promise<Response> {
  const { db } = await database();
  return handlePhotoFile(request, file, {
    load: (photoId, width) => photoFile(db, photoId, width),
    isShown: async (productId, photoId) => (await livePhotosOf(productId)).some((p) => p.id === photoId),
    cache: photoCache,
  });
}

/**
 * The first photo the facility uploaded for a product, at its largest stored width, for what
 * one picture stands for (the Open Graph image); undefined when it has none.
 */
export async function firstUploadedPhoto(
  productId: string,
): Promise<{ id: string; alt: LivePhoto['alt']; bytes: Buffer } | undefined> {
  const [first] = await livePhotosOf(productId);
  if (!first) return undefined;
  const file = await photoFile((await database()).db, first.id, first.width);
  return file && { id: first.id, alt: first.alt, bytes: file.bytes };
}

export { exportListings } from './listing-export';
export { type ImageType, type ProcessedPhoto, processPhoto, sniffImageType } from './photo-processing';
export {
  type AltText,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_PRODUCT,
  PHOTO_FORM_MAX_BYTES,
  type PhotoProblem,
  parseAltText,
} from './photo-rules';
export {
  type AddOutcome,
  addPhoto,
  deletePhoto,
  listPhotos,
  movePhoto,
  type PhotoTarget,
  type ReorderOutcome,
  reorderPhotos,
  type StoredPhoto,
  updatePhoto,
} from './photo-store';
export { photoProblemStrings } from './photo-strings';
