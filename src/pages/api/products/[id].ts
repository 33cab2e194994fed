/** GET /api/products/{id}: see src/commerce/orders-api.ts (PRODUCT.md "HTTP API"). */
import type { APIRoute } from 'astro';
import { getCatalogue } from '~/catalogue/astro';
import { handleProduct } from '~/commerce/orders-api';
import { database } from '~/db/client';

export const prerender = false;

export const GET: APIRoute = async ({ params }) =>
  handleProduct(params.id ?? '', await getCatalogue(), (await database()).db);
