/** The listings benchmark's facilities (one listed, sold-online product each) and their tokens. */
import type { Variant } from '~/catalogue';
import { loadCatalogue } from '~/catalogue/content-files';
import { commandActor } from '~/db/audit-log';
import { openDatabase } from '~/db/client';
import type { ListingBody } from '~/listings';
import { createFacilityToken } from '~/portal/api-tokens-store';

export interface BenchPick {
  facilityId: string;
  productId: string;
  variant: Variant;
  body(price: number): ListingBody;
}

/** `n` facilities, each with its first product whose listing sells online. */
export async function benchFacilities(n: number): Promise<BenchPick[]> {
  const catalogue = await loadCatalogue();
  const picks: BenchPick[] = [];
  for (const facility of catalogue.data.facilities) {
    if (picks.length === n) break;
    for (const product of catalogue.productsOf(facility.id)) {
      const listing = catalogue.listingByProduct.get(product.id);
      const variant = listing?.variants.find((v) => v.availability === 'in_stock');
      if (!listing || !variant) continue;
      picks.push({
        facilityId: facility.id,
        productId: product.id,
        variant,
        body: (price) => ({
          ...(listing.description ? { description: listing.description } : {}),
          variants: listing.variants.map((v) =>
            v.sku === variant.sku
              ? {
                  ...v,
                  price,
                  // Tiers stay at or under the retail price (a rule of the listing).
                  wholesaleTiers: v.wholesaleTiers.map((t) => ({
                    ...t,
                    unitPrice: Math.min(t.unitPrice, price),
                  })),
                }
              : { ...v },
          ),
        }),
      });
      break;
    }
  }
  return picks;
}

/** One API token per facility, made in the database directly (as `npm run facility -- token` does). */
export async function createTokens(url: string, picks: BenchPick[]): Promise<Map<string, string>> {
  const handle = await openDatabase({ url });
  try {
    const tokens = new Map<string, string>();
    for (const pick of picks) {
      const made = await createFacilityToken(handle.db, commandActor('facility'), {
        facilityId: pick.facilityId,
        label: 'bench',
        scopes: ['listings:read', 'listings:write'],
      });
      tokens.set(pick.facilityId, made.token);
    }
    return tokens;
  } finally {
    await handle.close();
  }
}
