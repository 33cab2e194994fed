/**
 * Saved listings for the commerce suites: saves go through the listings store (one transaction
 * with the stock it sets and the audit entry), and the catalogue the server would sell from is
 * LiveListings over the database laid on the files' catalogue, as src/listings/astro.ts does.
 */
import { sql } from 'drizzle-orm';
import type { Catalogue } from '~/catalogue/catalogue';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import type { ListingBody } from '~/listings';
import { listingPhotos } from '~/listings/db-schema';
import { type SaveOptions, type SaveOutcome, saveListing, takeChangeSeq } from '~/listings/listing-store';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import type { LivePhoto } from '~/listings/photo-urls';

export const FACILITY_ACTOR: Actor = {
  kind: 'facility_token',
  id: 'tok-test',
  label: 'API token of the test facility',
  role: 'facility',
};

/** Empties what facilities saved (the commerce suites empty their own tables). */
export async function clearListings(db: Database): Promise<void> {
  await db.execute(
    sql.raw(
      'TRUNCATE listings, listing_revisions, listing_skus, listing_photos, listing_photo_files CASCADE',
    ),
  );
}

/** A product's listing as the catalogue shows it, in the shape a save takes (a deep copy to edit). */
export function listingBody(catalogue: Catalogue, productId: string): ListingBody {
  const listing = catalogue.listingByProduct.get(productId);
  if (!listing) throw new Error(`no listing for ${productId}`);
  return structuredClone({
    ...(listing.description ? { description: listing.description } : {}),
    variants: listing.variants,
  });
}

/** The catalogue as a server shows it now: the files' with every saved listing. */
export function liveView(db: Database, files: Catalogue): Promise<Catalogue> {
  return new LiveListings(databaseListingSource(db)).apply(files);
}

/** Saves `body` for a product of `files`, as the portal and the facility API do. */
export async function saveFor(
  db: Database,
  files: Catalogue,
  productId: string,
  body: ListingBody,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const product = files.productById.get(productId);
  if (!product) throw new Error(`unknown product ${productId}`);
  const live = await liveView(db, files);
  const file = files.listingByProduct.get(productId);
  return saveListing(
    db,
    FACILITY_ACTOR,
    {
      productId,
      facilityId: product.facilityId,
      fileListing: file ? listingBody(files, productId) : null,
      skuOwner: (sku) => live.variantBySku.get(sku)?.product.id,
    },
    body,
    options,
  );
}

/** Records an uploaded photo's row as the photo store does (its files are not needed here). */
export async function addPhotoRow(
  db: Database,
  files: Catalogue,
  productId: string,
  photo: LivePhoto,
  position: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(listingPhotos).values({
      id: photo.id,
      productId,
      facilityId: files.productById.get(productId)!.facilityId,
      position,
      altVi: photo.alt.vi,
      altEn: photo.alt.en ?? null,
      width: photo.width,
      height: photo.height,
      createdBy: FACILITY_ACTOR.label,
      seq: await takeChangeSeq(tx),
    });
  });
}

/** Throws with the refusal when a save did not go through. */
export function saved(outcome: SaveOutcome): void {
  if (!outcome.ok) throw new Error(`save refused: ${JSON.stringify(outcome)}`);
}
