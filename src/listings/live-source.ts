/** The database side of LiveListings: the newest change number, and what changed after one. */
import { and, asc, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { listingPhotos, listings } from './db-schema';
import type { ListingSource } from './live-listings';
import type { LivePhoto } from './photo-urls';

export function databaseListingSource(db: Database): ListingSource {
  return {
    async latestSeq() {
      const [row] = await db
        .select({
          seq: sql<string>`GREATEST(COALESCE((SELECT max(seq) FROM listings), 0), COALESCE((SELECT max(seq) FROM listing_photos), 0))`,
        })
        .from(sql`(SELECT 1) AS one`);
      return Number(row?.seq ?? 0);
    },
    async changedSince(seq) {
      const changed = await db
        .select({
          productId: listings.productId,
          listing: listings.listing,
          revision: listings.revision,
          seq: listings.seq,
        })
        .from(listings)
        .where(gt(listings.seq, seq));
      const touched = await db
        .selectDistinct({ productId: listingPhotos.productId, seq: sql<string>`max(${listingPhotos.seq})` })
        .from(listingPhotos)
        .where(gt(listingPhotos.seq, seq))
        .groupBy(listingPhotos.productId);
      const photos = new Map<string, LivePhoto[]>(touched.map((t) => [t.productId, []]));
      if (touched.length > 0) {
        const rows = await db
          .select()
          .from(listingPhotos)
          .where(and(inArray(listingPhotos.productId, [...photos.keys()]), isNull(listingPhotos.deletedAt)))
          .orderBy(asc(listingPhotos.productId), asc(listingPhotos.position), asc(listingPhotos.createdAt));
        for (const r of rows)
          photos.get(r.productId)!.push({
            id: r.id,
            alt: { vi: r.altVi, ...(r.altEn ? { en: r.altEn } : {}) },
            width: r.width,
            height: r.height,
          });
      }
      const newest = Math.max(
        seq,
        ...changed.map((c) => Number(c.seq)),
        ...touched.map((t) => Number(t.seq)),
      );
      return {
        listings: changed.map(({ productId, listing, revision }) => ({ productId, listing, revision })),
        photos,
        seq: newest,
      };
    },
  };
}
