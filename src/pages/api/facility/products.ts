/** GET /api/facility/products: facility API (PRODUCT.md); logic in src/portal/facility-products-api.ts. */
import type { APIRoute } from 'astro';
import { database } from '~/db/client';
import { editableCatalogue, livePhotosOf } from '~/listings/astro';
import { handleFacilityProducts } from '~/portal/astro';

export const prerender = false;

export const GET: APIRoute = async ({ request }) =>
  handleFacilityProducts(request, {
    db: (await database()).db,
    // The registry files as they are now (imports and revocations rewrite them while the server
    // runs) with the listings as the facilities saved them.
    catalogue: () => editableCatalogue(),
    photos: livePhotosOf,
  });
