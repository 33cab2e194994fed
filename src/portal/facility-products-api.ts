/**
 * GET /api/facility/products (PRODUCT.md, facility API): the calling token's facility's
 * certified products, each with its certificates, its current listing or null (what the
 * facility last saved, else the listing files', in the shape PUT /api/facility/listings/{id}
 * takes) and the photos it uploaded.
 */
import { type Catalogue, certificateFacts, todayInVietnam } from '~/catalogue';
import type { Database } from '~/db/client';
import { json } from '~/http/json';
import { type LivePhoto, photoJson } from '~/listings';
import type { RateLimiter } from '~/security/rate-limit';
import { authenticateFacilityRequest } from './facility-api-auth';

export interface FacilityProductsDeps {
  db: Database;
  /**
   * The registry as the files hold it now with the listings as saved (read after the token is
   * checked).
   */
  catalogue: () => Promise<Catalogue>;
  /** A product's uploaded photos in order (none when absent). */
  photos?: ((productId: string) => Promise<readonly LivePhoto[]>) | undefined;
  limiter?: RateLimiter | undefined;
  now?: Date | undefined;
}

/** An uploaded photo as the facility API gives it (the same shape as GET /api/products/{id}). */

export function facilityProductsJson(
  catalogue: Catalogue,
  facilityId: string,
  asOf: string,
  photos: ReadonlyMap<string, readonly LivePhoto[]> = new Map(),
) {
  const facility = catalogue.facilityById.get(facilityId);
  return {
    facility: { id: facilityId, name: facility?.name ?? null },
    products: catalogue.productsOf(facilityId).map((product) => {
      const listing = catalogue.listingByProduct.get(product.id);
      return {
        id: product.id,
        name: product.name,
        url: `/products/${product.id}/`,
        group: product.group,
        certificates: catalogue.certificatesOf(product.id).map((c) => ({
          ...certificateFacts(c),
          issuedOn: c.issuedOn,
          validUntil: c.validUntil,
          status: catalogue.statusOf(c, asOf).status,
          url: `/verify/${c.id}/`,
        })),
        listing: listing ? { description: listing.description ?? null, variants: listing.variants } : null,
        photos: (photos.get(product.id) ?? []).map(photoJson),
      };
    }),
  };
}

export async function handleFacilityProducts(
  request: Request,
  deps: FacilityProductsDeps,
): Promise<Response> {
  const auth = await authenticateFacilityRequest(deps.db, request, {
    scope: 'listings:read',
    limiter: deps.limiter,
    now: deps.now,
  });
  if (!auth.ok) return auth.response;
  const catalogue = await deps.catalogue();
  const { facilityId } = auth.caller;
  const photosOf = deps.photos ?? (async () => []);
  const photos = new Map(
    await Promise.all(
      catalogue.productsOf(facilityId).map(async (p) => [p.id, await photosOf(p.id)] as const),
    ),
  );
  return json(facilityProductsJson(catalogue, facilityId, todayInVietnam(deps.now ?? new Date()), photos));
}
