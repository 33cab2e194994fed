/**
 * Card payment through Stripe Checkout. Offered only when both STRIPE_SECRET_KEY and
 * STRIPE_WEBHOOK_SECRET are set: without the webhook an order could never become paid.
 * VND is a zero-decimal currency for Stripe: unit_amount is whole đồng, never ×100.
 */
import Stripe from 'stripe';
import { lineLabel } from '~/commerce/cart/line-label';
import type { OrderDetails } from '~/commerce/orders/order-store';
import type { CardGateway } from '~/commerce/orders/orders-service';
import { env } from '~/config/env';
import { sessionExpiresAt } from './card-expiry';

export function cardPaymentsEnabled(): boolean {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = env();
  return Boolean(STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET);
}

let client: Stripe | undefined;
let warnedApiBase = false;

/**
 * Where the SDK sends requests: STRIPE_API_BASE (a local fake in tests) or Stripe itself. In
 * production the variable is ignored, with one warning, so a stray setting cannot send card
 * payments and the secret key to another host.
 */
export function stripeApiBase(
  config: { STRIPE_API_BASE?: string | undefined; NODE_ENV?: string | undefined },
  warn: (message: string) => void = console.warn,
): URL | undefined {
  if (!config.STRIPE_API_BASE) return undefined;
  if (config.NODE_ENV === 'production') {
    if (!warnedApiBase) warn('STRIPE_API_BASE is ignored in production: card payments go to Stripe.');
    warnedApiBase = true;
    return undefined;
  }
  return new URL(config.STRIPE_API_BASE);
}

/** The configured Stripe client (STRIPE_API_BASE points it at a local fake in tests), or undefined. */
export function stripeClient(): Stripe | undefined {
  if (!cardPaymentsEnabled()) return undefined;
  if (!client) {
    const config = env();
    const base = stripeApiBase(config);
    const { STRIPE_SECRET_KEY } = config;
    client = new Stripe(STRIPE_SECRET_KEY!, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(base
        ? {
            host: base.hostname,
            port: base.port || undefined,
            protocol: base.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }
  return client;
}

/** Checkout Session parameters for an order: one line per item, one per shipping fee. */
export function checkoutSessionParams(
  order: OrderDetails,
  returnUrl: string,
): Stripe.Checkout.SessionCreateParams {
  const line = (
    name: string,
    unitAmount: number,
    quantity: number,
  ): Stripe.Checkout.SessionCreateParams.LineItem => ({
    quantity,
    price_data: { currency: 'vnd', unit_amount: unitAmount, product_data: { name: name.slice(0, 250) } },
  });
  const shippingLabel = order.locale === 'en' ? 'Shipping' : 'Phí vận chuyển';
  const items = order.shipments.flatMap((s) => [
    ...s.items.map((i) =>
      line(
        lineLabel(
          i.productName,
          order.locale === 'en' ? (i.variantNameEn ?? i.variantName) : i.variantName,
          i.packSize,
        ),
        i.unitPrice,
        i.quantity,
      ),
    ),
    ...(s.shippingFee > 0 ? [line(`${shippingLabel} – ${s.facilityName}`, s.shippingFee, 1)] : []),
  ]);
  return {
    mode: 'payment',
    line_items: items,
    client_reference_id: order.orderNumber,
    metadata: { orderNumber: order.orderNumber },
    payment_intent_data: { metadata: { orderNumber: order.orderNumber } },
    ...(order.buyerEmail ? { customer_email: order.buyerEmail } : {}),
    locale: order.locale === 'en' ? 'en' : 'vi',
    // Set rather than left to Stripe's default, so card-expiry.ts knows it without asking Stripe.
    expires_at: sessionExpiresAt(order.createdAt),
    success_url: returnUrl,
    cancel_url: returnUrl,
  };
}

export function stripeGateway(stripe: Stripe): CardGateway {
  return {
    async createCheckout(order, returnUrl) {
      // The order number as idempotency key: a retried call returns the same session.
      const session = await stripe.checkout.sessions.create(checkoutSessionParams(order, returnUrl), {
        idempotencyKey: `checkout-${order.orderNumber}`,
      });
      if (!session.url) throw new Error(`Stripe returned session ${session.id} without a URL`);
      return { sessionId: session.id, url: session.url };
    },
  };
}
