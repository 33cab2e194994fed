/** POST /api/orders: see src/commerce/orders/orders-api.ts (docs/http-api.md). */
import type { APIRoute } from 'astro';
import { getCatalogue } from '~/catalogue/astro';
import { orderContext, orderLimitFor } from '~/commerce/astro';
import { handleCreateOrder } from '~/commerce/orders/orders-api';
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
