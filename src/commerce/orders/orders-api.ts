/**
 * The HTTP handlers behind src/pages/api/orders/**
 * (contracts in docs/http-api.md), written over Request/Response so tests call them directly.
 *
 * CSRF: these JSON endpoints accept only `application/json` bodies (415 otherwise). A
 * cross-site page can send JSON only after a CORS preflight, which this server never
 * grants, so another origin cannot place orders with a visitor's browser; the HTML checkout
 * form is a same-origin post that Astro's checkOrigin verifies.
 */
import { z } from 'zod';
import { mayLookUpOrder, mayPlaceOrder } from '~/commerce/limits';
import type { Database } from '~/db/client';
import { apiError, json, parseJsonBody, parseQuery, rateLimited } from '~/http/json';
import type { ClientLimit } from '~/security/rate-limit';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-store';
import { orderRequestSchema } from './order-input';
import { parseOrderNumber } from './order-number';
import { loadOrder } from './order-store';
import { buyerMatches, orderStatusJson } from './order-view';
import { type OrderContext, type OrderOutcome, placeOrder } from './orders-service';

export function outcomeResponse(outcome: OrderOutcome): Response {
  if (outcome.ok) return json(outcome.body, 201, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
  const { status, code, message, fields } = outcome.error;
  return apiError(status, code, message, fields);
}

/** POST /api/orders */
export async function handleCreateOrder(
  request: Request,
  ctx: OrderContext,
  limit: ClientLimit,
): Promise<Response> {
  const placement = await mayPlaceOrder(limit);
  if (!placement.allowed) return rateLimited('orders from this address', placement.retryAfterSeconds);
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    return apiError(
      400,
      'invalid_idempotency_key',
      'Idempotency-Key must be 8–200 letters, digits or _ : . -',
      { 'Idempotency-Key': 'malformed' },
    );
  }
  const parsed = await parseJsonBody(request, orderRequestSchema);
  if (!parsed.ok) return parsed.response;
  return outcomeResponse(await placeOrder(ctx, parsed.data, key));
}

const lookupQuery = z
  .object({ phone: z.string().max(30).optional(), email: z.string().max(200).optional() })
  .refine((q) => q.phone !== undefined || q.email !== undefined, {
    message: 'give the phone or e-mail used for the order',
    path: ['phone'],
  });

/** GET /api/orders/{orderNumber}?phone= | ?email= : 404 alike for unknown orders and wrong proof. */
export async function handleOrderStatus(
  request: Request,
  orderNumberParam: string,
  db: Database,
  limit: ClientLimit,
): Promise<Response> {
  const lookup = await mayLookUpOrder(limit);
  if (!lookup.allowed) return rateLimited('order lookups', lookup.retryAfterSeconds);
  const query = parseQuery(new URL(request.url), lookupQuery);
  if (!query.ok) return query.response;
  const notFound = () => apiError(404, 'not_found', 'No order with this number and phone or e-mail.');
  const orderNumber = parseOrderNumber(orderNumberParam);
  if (!orderNumber) return notFound();
  const order = await loadOrder(db, { orderNumber });
  if (!order || !buyerMatches(order, query.data)) return notFound();
  return json(orderStatusJson(order));
}
