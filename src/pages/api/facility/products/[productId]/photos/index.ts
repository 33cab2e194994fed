/** POST /api/facility/products/{productId}/photos: facility API (PRODUCT.md); logic in src/portal/facility-photos-api.ts. */
import type { APIRoute } from 'astro';
import { currentCatalogue } from '~/catalogue/astro';
import { database } from '~/db/client';
import { listingsChanged } from '~/listings/astro';
import { handleAddPhoto } from '~/portal/astro';

export const prerender = false;

export const POST: APIRoute = async ({ request, params }) =>
  handleAddPhoto(request, params.productId, {
    db: (await database()).db,
    catalogue: () => currentCatalogue(),
    changed: listingsChanged,
  });
