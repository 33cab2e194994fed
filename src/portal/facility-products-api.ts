/**
 * GET /api/facility/products (PRODUCT.md, facility API): the calling token's facility's
 * certified products, each with its certificates and its current listing or null. The listing
 * is the one in the listing files, in the shape PUT /api/facility/listings/{id} takes; the live
 * listing layer (a facility's saves shown without a rebuild) comes in a later slice and will
 * take its place here.
 */
import { type Catalogue, certificateFacts, todayInVietnam } from '~/catalogue';
import type { Database } from '~/db/client';
import { json } from '~/http/json';
import type { RateLimiter } from '~/security/rate-limit';
import { authenticateFacilityRequest } from './facility-api-auth';

export interface FacilityProductsDeps {
  db: Database;
  /** The registry and listings as the files hold them now (read after the token is checked). */
  catalogue: () => Promise<Catalogue>;
  limiter?: RateLimiter | undefined;
  now?: Date | undefined;
}

export function facilityProductsJson(catalogue: Catalogue, facilityId: string, asOf: string) {
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
  return json(
    facilityProductsJson(catalogue, auth.caller.facilityId, todayInVietnam(deps.now ?? new Date())),
  );
}
