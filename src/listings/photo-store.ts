/**
 * A product's uploaded photos: added, described, ordered and deleted. Each change is one
 * transaction holding the rows, the files, the audit entry and a change number (takeChangeSeq,
 * taken last), so every server's LiveListings picks the product's photos up again within a
 * second. Changes to one product's photos queue behind each other (an advisory lock per
 * product), so two uploads at once can neither pass the limit of 12 nor share a position.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type ListingPhotoRow, listingPhotoFiles, listingPhotos } from './db-schema';
import { takeChangeSeq } from './listing-store';
import type { ProcessedPhoto } from './photo-processing';
import { type AltText, MAX_PHOTOS_PER_PRODUCT } from './photo-rules';
import { type LivePhoto, photoUrl, storedWidths } from './photo-urls';

export interface PhotoTarget {
  productId: string;
  /** The product's facility, as the registry says (recorded on the row and in the audit log). */
  facilityId: string;
}

export interface StoredPhoto extends LivePhoto {
  productId: string;
  position: number;
  /** The largest stored size's URL. */
  url: string;
  /** Width → URL, every stored width. */
  urls: Record<number, string>;
}

export type AddOutcome = { ok: true; photo: StoredPhoto } | { ok: false; problem: 'too_many_photos' };

/** Any number, apart from the change-number lock (a two-key lock: this, then the product). */
const PHOTO_PRODUCT_LOCK = 604_0002;

/** A photo id: never reused, so its URLs always show the same bytes (photo-urls.ts). */
export const newPhotoId = () => randomBytes(10).toString('hex');

function stored(row: ListingPhotoRow): StoredPhoto {
  const widths = storedWidths(row.width);
  return {
    id: row.id,
    productId: row.productId,
    position: row.position,
    alt: { vi: row.altVi, ...(row.altEn ? { en: row.altEn } : {}) },
    width: row.width,
    height: row.height,
    url: photoUrl(row.id, row.width),
    urls: Object.fromEntries(widths.map((w) => [w, photoUrl(row.id, w)])),
  };
}

const altOf = (row: ListingPhotoRow): AltText => ({ vi: row.altVi, ...(row.altEn ? { en: row.altEn } : {}) });

async function lockProduct(tx: Database, productId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PHOTO_PRODUCT_LOCK}, hashtext(${productId}))`);
}

/** The product's photos now (locked: the caller is changing them), in order. */
async function livePhotoRows(tx: Database, productId: string): Promise<ListingPhotoRow[]> {
  return tx
    .select()
    .from(listingPhotos)
    .where(and(eq(listingPhotos.productId, productId), isNull(listingPhotos.deletedAt)))
    .orderBy(asc(listingPhotos.position), asc(listingPhotos.createdAt));
}

/** Last in the transaction: the change number that makes every server reload these rows. */
async function announce(tx: Database, photoIds: readonly string[]): Promise<void> {
  const seq = await takeChangeSeq(tx);
  await tx
    .update(listingPhotos)
    .set({ seq })
    .where(inArray(listingPhotos.id, [...photoIds]));
}

export function addPhoto(
  db: Database,
  actor: Actor,
  target: PhotoTarget,
  alt: AltText,
  photo: ProcessedPhoto,
): Promise<AddOutcome> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, target.productId);
    const current = await livePhotoRows(tx, target.productId);
    if (current.length >= MAX_PHOTOS_PER_PRODUCT) return { ok: false, problem: 'too_many_photos' } as const;
    const position = current.reduce((top, row) => Math.max(top, row.position + 1), 0);
    const [row] = await tx
      .insert(listingPhotos)
      .values({
        id: newPhotoId(),
        productId: target.productId,
        facilityId: target.facilityId,
        position,
        altVi: alt.vi,
        altEn: alt.en ?? null,
        width: photo.width,
        height: photo.height,
        createdBy: actor.label,
        // The real number is taken last (announce).
        seq: 0,
      })
      .returning();
    await tx.insert(listingPhotoFiles).values(
      photo.files.map((file) => ({
        photoId: row!.id,
        width: file.width,
        height: file.height,
        contentType: file.contentType,
        bytes: file.bytes,
      })),
    );
    await appendAudit(tx, actor, {
      action: 'listing.photo.add',
      target: { type: 'product', id: target.productId },
      facilityId: target.facilityId,
      after: {
        photoId: row!.id,
        position,
        alt,
        width: photo.width,
        height: photo.height,
        uploadedAs: photo.sourceType,
      },
    });
    await announce(tx, [row!.id]);
    return { ok: true, photo: stored(row!) } as const;
  });
}

/** Deletes a photo of this product (its files go; the row stays, marked, for the servers to notice). */
export function deletePhoto(
  db: Database,
  actor: Actor,
  target: PhotoTarget,
  photoId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, target.productId);
    const row = (await livePhotoRows(tx, target.productId)).find((r) => r.id === photoId);
    if (!row) return false;
    await tx.update(listingPhotos).set({ deletedAt: new Date() }).where(eq(listingPhotos.id, photoId));
    await tx.delete(listingPhotoFiles).where(eq(listingPhotoFiles.photoId, photoId));
    await appendAudit(tx, actor, {
      action: 'listing.photo.delete',
      target: { type: 'product', id: target.productId },
      facilityId: target.facilityId,
      before: { photoId, position: row.position, alt: altOf(row) },
    });
    await announce(tx, [photoId]);
    return true;
  });
}

/** New alt texts for a photo of this product; undefined when it has no such photo. */
export function updatePhoto(
  db: Database,
  actor: Actor,
  target: PhotoTarget,
  photoId: string,
  alt: AltText,
): Promise<StoredPhoto | undefined> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, target.productId);
    const row = (await livePhotoRows(tx, target.productId)).find((r) => r.id === photoId);
    if (!row) return undefined;
    const before = altOf(row);
    if (before.vi === alt.vi && before.en === alt.en) return stored(row);
    const [updated] = await tx
      .update(listingPhotos)
      .set({ altVi: alt.vi, altEn: alt.en ?? null })
      .where(eq(listingPhotos.id, photoId))
      .returning();
    await appendAudit(tx, actor, {
      action: 'listing.photo.update',
      target: { type: 'product', id: target.productId },
      facilityId: target.facilityId,
      before: { photoId, alt: before },
      after: { photoId, alt },
    });
    await announce(tx, [photoId]);
    return stored(updated!);
  });
}

export type ReorderOutcome = 'reordered' | 'unchanged' | 'mismatch';

async function writeOrder(
  tx: Database,
  actor: Actor,
  target: PhotoTarget,
  rows: readonly ListingPhotoRow[],
  order: readonly string[],
): Promise<ReorderOutcome> {
  const before = rows.map((r) => r.id);
  if (before.join() === order.join()) return 'unchanged';
  for (const [position, id] of order.entries())
    await tx.update(listingPhotos).set({ position }).where(eq(listingPhotos.id, id));
  await appendAudit(tx, actor, {
    action: 'listing.photo.update',
    target: { type: 'product', id: target.productId },
    facilityId: target.facilityId,
    before: { order: before },
    after: { order },
  });
  await announce(tx, order);
  return 'reordered';
}

/** Puts the product's photos in this order: `order` must name each of them exactly once. */
export function reorderPhotos(
  db: Database,
  actor: Actor,
  target: PhotoTarget,
  order: readonly string[],
): Promise<ReorderOutcome> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, target.productId);
    const rows = await livePhotoRows(tx, target.productId);
    const ids = new Set(rows.map((r) => r.id));
    if (
      order.length !== rows.length ||
      new Set(order).size !== order.length ||
      !order.every((id) => ids.has(id))
    )
      return 'mismatch';
    return writeOrder(tx, actor, target, rows, order);
  });
}

/** Swaps a photo with its neighbour; 'unchanged' at the end it moves towards, 'mismatch' when unknown. */
export function movePhoto(
  db: Database,
  actor: Actor,
  target: PhotoTarget,
  photoId: string,
  direction: 'up' | 'down',
): Promise<ReorderOutcome> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, target.productId);
    const rows = await livePhotoRows(tx, target.productId);
    const order = rows.map((r) => r.id);
    const at = order.indexOf(photoId);
    if (at < 0) return 'mismatch';
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return 'unchanged';
    [order[at], order[to]] = [order[to]!, order[at]!];
    return writeOrder(tx, actor, target, rows, order);
  });
}

/** The product's photos, in order. */
export async function listPhotos(db: Database, productId: string): Promise<StoredPhoto[]> {
  return (await livePhotoRows(db, productId)).map(stored);
}

/** One stored file of a photo that is not deleted, with the product it shows. */
export async function photoFile(
  db: Database,
  photoId: string,
  width: number,
): Promise<{ productId: string; contentType: string; bytes: Buffer } | undefined> {
  const [row] = await db
    .select({
      productId: listingPhotos.productId,
      contentType: listingPhotoFiles.contentType,
      bytes: listingPhotoFiles.bytes,
    })
    .from(listingPhotoFiles)
    .innerJoin(listingPhotos, eq(listingPhotos.id, listingPhotoFiles.photoId))
    .where(
      and(
        eq(listingPhotoFiles.photoId, photoId),
        eq(listingPhotoFiles.width, width),
        isNull(listingPhotos.deletedAt),
      ),
    );
  return row;
}
