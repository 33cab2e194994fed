/** POST /api/orders: see src/commerce/orders-api.ts (PRODUCT.md "HTTP API"). */
import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../catalogue/astro';
import { handleCreateOrder } from '../../../commerce/orders-api';
import { orderContext, orderLimiter } from '../../../commerce/runtime';
import { kickDelivery } from '../../../notifications/worker';
import { clientAddress } from '../../../security/rate-limit';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress: address }) => {
  const response = await handleCreateOrder(request, await orderContext(await getCatalogue()), {
    limiter: orderLimiter,
    client: clientAddress(request, address),
  });
  if (response.status === 201) kickDelivery();
  return response;
};
