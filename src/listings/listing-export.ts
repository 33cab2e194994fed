/**
 * `npm run facility -- export-listings`: the listing files as they would read with every saved
 * listing in place, for review in git (the files are the starting point; the database is what
 * facilities keep current; an export never writes the files by itself).
 */
import type { Listing } from '~/catalogue';
import type { Database } from '~/db/client';
import { listings } from './db-schema';
import { mergeListings } from './live-listings';

export async function exportListings(
  db: Database,
  files: readonly Listing[],
  productIds: ReadonlySet<string>,
): Promise<{ listings: Listing[]; saved: number }> {
  const rows = await db
    .select({ productId: listings.productId, listing: listings.listing, revision: listings.revision })
    .from(listings);
  // Revision 0 is "as the files say" (every change undone), as in withListings.
  const saved = new Map(rows.filter((r) => r.revision > 0).map((r) => [r.productId, r]));
  return {
    listings: mergeListings(files, saved, (id) => productIds.has(id)),
    saved: saved.size,
  };
}
