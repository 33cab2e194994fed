/** GET /api/products/{id}: see src/commerce/cart/product-api.ts (docs/http-api.md). */
import type { APIRoute } from 'astro';
import { handleProduct } from '~/commerce/cart/product-api';
import { database } from '~/db/client';
import { livePhotosOf } from '~/listings/astro';
import { liveCatalogue } from '~/verification/astro';

export const prerender = false;

export const GET: APIRoute = async ({ params }) =>
  handleProduct(params.id ?? '', await liveCatalogue(), (await database()).db, livePhotosOf);
