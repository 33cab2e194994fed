/**
 * Wiring for the server's routes: the database, configuration and Stripe client behind an
 * OrderContext. Routes pass the catalogue they got from astro:content (this file stays free
 * of astro:* so CLIs and benchmarks can use it too).
 */
import type { Catalogue } from '~/catalogue';
import type { ShippingRule } from '~/commerce/cart/pricing';
import type { OrderContext } from '~/commerce/orders/orders-service';
import { stripeClient, stripeGateway } from '~/commerce/payments/stripe';
import { env } from '~/config/env';
import { database } from '~/db/client';
import { type ClientLimit, clientAddress, RateLimiter } from '~/security/rate-limit';

export function shippingRule(): ShippingRule {
  const { SHIPPING_FLAT_VND, SHIPPING_FREE_FROM_VND } = env();
  return { flatFee: SHIPPING_FLAT_VND, freeFrom: SHIPPING_FREE_FROM_VND };
}

export async function orderContext(catalogue: Catalogue): Promise<OrderContext> {
  const { db } = await database();
  const stripe = stripeClient();
  return { db, catalogue, shipping: shippingRule(), card: stripe ? stripeGateway(stripe) : undefined };
}

/**
 * One limiter per server process for order lookups and placements (API and pages share it);
 * the rules it applies are in ./limits.ts.
 */
const orderLimiter = new RateLimiter();

/** The order limiter, counting for whoever sent `request` (see clientAddress). */
export function orderLimitFor(request: Request, socketAddress: string | undefined): ClientLimit {
  return { limiter: orderLimiter, client: clientAddress(request, socketAddress) };
}
