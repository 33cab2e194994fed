/** GET /api/orders/{orderNumber}?phone= | ?email=: see src/commerce/orders/orders-api.ts. */
import type { APIRoute } from 'astro';
import { orderLimitFor } from '~/commerce/astro';
import { handleOrderStatus } from '~/commerce/orders/orders-api';
import { database } from '~/db/client';

export const prerender = false;

export const GET: APIRoute = async ({ request, params, clientAddress: address }) =>
  handleOrderStatus(
    request,
    params.orderNumber ?? '',
    (await database()).db,
    orderLimitFor(request, address),
  );
