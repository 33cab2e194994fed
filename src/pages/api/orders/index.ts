/** POST /api/orders: see src/commerce/orders/orders-api.ts (docs/http-api.md). */
import type { APIRoute } from 'astro';
import { orderContext, orderLimitFor } from '~/commerce/astro';
import { handleCreateOrder } from '~/commerce/orders/orders-api';
import { kickDelivery } from '~/notifications/worker';
import { logApiEvent } from '~/server/api-events';
import { liveCatalogue } from '~/verification/astro';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress: address }) => {
  const response = await handleCreateOrder(
    request,
    await orderContext(await liveCatalogue()),
    orderLimitFor(request, address),
  );
  if (response.status === 201) kickDelivery();
  void logApiEvent('order.create', response);
  return response;
};
