/** DELETE /api/facility/products/{productId}/photos/{photoId}: facility API (PRODUCT.md); logic in src/portal/facility-photos-api.ts. */
import type { APIRoute } from 'astro';
import { currentCatalogue } from '~/catalogue/astro';
import { database } from '~/db/client';
import { listingsChanged } from '~/listings/astro';
import { handleDeletePhoto } from '~/portal/astro';

export const prerender = false;

export const DELETE: APIRoute = async ({ request, params }) =>
  handleDeletePhoto(request, params.productId, params.photoId, {
    db: (await database()).db,
    catalogue: () => currentCatalogue(),
    changed: listingsChanged,
  });
