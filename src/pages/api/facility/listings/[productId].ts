/** PUT /api/facility/listings/{productId}: facility API (PRODUCT.md); logic in src/portal/facility-listings-api.ts. */
import type { APIRoute } from 'astro';
import { database } from '~/db/client';
import { productOfFacility, saveListingNow } from '~/listings/astro';
import { handleFacilityListingPut } from '~/portal/astro';

export const prerender = false;

export const PUT: APIRoute = async ({ request, params }) =>
  handleFacilityListingPut(request, params.productId ?? '', {
    db: (await database()).db,
    lookup: productOfFacility,
    save: saveListingNow,
  });
