/** GET /api/orders/{orderNumber}?phone= | ?email=: see src/commerce/orders-api.ts. */
import type { APIRoute } from 'astro';
import { handleOrderStatus } from '../../../commerce/orders-api';
import { orderLimiter } from '../../../commerce/runtime';
import { database } from '../../../db/client';
import { clientAddress } from '../../../security/rate-limit';

export const prerender = false;

export const GET: APIRoute = async ({ request, params, clientAddress: address }) =>
  handleOrderStatus(request, params.orderNumber ?? '', clientAddress(request, address), {
    db: (await database()).db,
    limiter: orderLimiter,
  });
