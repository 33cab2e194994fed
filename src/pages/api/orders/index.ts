/** POST /api/orders: see src/commerce/orders-api.ts (PRODUCT.md "HTTP API"). */
import type { APIRoute } from 'astro';
import { getCatalogue } from '~/catalogue/astro';
import { handleCreateOrder } from '~/commerce/orders-api';
import { orderContext, orderLimitFor } from '~/commerce/runtime';
import { kickDelivery } from '~/notifications/worker';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress: address }) => {
  const response = await handleCreateOrder(
    request,
    await orderContext(await getCatalogue()),
    orderLimitFor(request, address),
  );
  if (response.status === 201) kickDelivery();
  return response;
};
