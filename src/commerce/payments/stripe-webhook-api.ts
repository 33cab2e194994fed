/**
 * Stripe webhook events for Checkout Sessions and refunds (../refunds/refund-service.ts). The
 * signature is checked first; then each event is applied in one transaction that also records
 * its id, so a redelivered event finds its id and changes nothing. Order of arrival does not matter: paid is final
 * (../orders/order-lifecycle.ts), so a late "completed but unpaid" or "expired" cannot undo it.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { orders, payments, webhookEvents } from '~/commerce/db-schema';
import { markPaid, markUnpaid } from '~/commerce/orders/order-lifecycle';
import { applyStripeRefundEvent } from '~/commerce/refunds/refund-service';
import type { Database } from '~/db/client';
import { apiError, json } from '~/http/json';
import { settleExpiredKeys } from './card-expiry';

const SESSION_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;

/**
 * A refund's own events carry the Refund object (charge.refunded carries the Charge, whose
 * refunds list recent API versions leave out): they say when a card refund succeeds or fails.
 */
const REFUND_EVENTS = ['refund.created', 'refund.updated', 'refund.failed'] as const;

export const HANDLED_EVENTS = [...SESSION_EVENTS, ...REFUND_EVENTS] as const;

type HandledType = (typeof SESSION_EVENTS)[number];

/** The event, or null when the signature or timestamp does not verify. */
export function verifyStripeEvent(
  stripe: Stripe,
  payload: string,
  signature: string | null,
  secret: string,
): Stripe.Event | null {
  if (!signature) return null;
  try {
    return stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    return null;
  }
}

async function findPayment(tx: Database, session: Stripe.Checkout.Session) {
  const [bySession] = await tx.select().from(payments).where(eq(payments.stripeSessionId, session.id));
  if (bySession) return bySession;
  const orderNumber = session.metadata?.orderNumber ?? session.client_reference_id;
  if (!orderNumber) return undefined;
  const [row] = await tx
    .select({ payment: payments })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(eq(orders.orderNumber, orderNumber));
  return row?.payment;
}

/** Kept for refunds, which name the PaymentIntent (migration 0105). */
async function storePaymentIntent(
  tx: Database,
  paymentId: number,
  intent: Stripe.Checkout.Session['payment_intent'],
): Promise<void> {
  const id = typeof intent === 'string' ? intent : intent?.id;
  if (id) await tx.update(payments).set({ stripePaymentIntentId: id }).where(eq(payments.id, paymentId));
}

async function apply(
  tx: Database,
  type: HandledType,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<string> {
  const payment = await findPayment(tx, session);
  if (payment?.method !== 'card') return 'unknown_order';
  if (payment.stripeSessionId && payment.stripeSessionId !== session.id) return 'other_session';
  switch (type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      // "completed" with payment_status "unpaid" is a delayed method still under way.
      if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required')
        return 'awaiting_async_payment';
      if (session.currency !== 'vnd' || session.amount_total !== payment.amount) return 'amount_mismatch';
      await storePaymentIntent(tx, payment.id, session.payment_intent);
      return markPaid(tx, payment.orderId, now);
    }
    case 'checkout.session.async_payment_failed':
      return markUnpaid(tx, payment.orderId, 'failed', now);
    case 'checkout.session.expired': {
      const outcome = await markUnpaid(tx, payment.orderId, 'expired', now);
      if (outcome === 'cancelled') {
        const [order] = await tx
          .select({ orderNumber: orders.orderNumber })
          .from(orders)
          .where(eq(orders.id, payment.orderId));
        if (order) await settleExpiredKeys(tx, payment.orderId, order.orderNumber);
      }
      return outcome;
    }
  }
}

function refundReport(refund: Stripe.Refund) {
  return {
    id: refund.id,
    status: refund.status,
    failureReason: refund.failure_reason ?? null,
    metadata: refund.metadata,
  };
}

/** Applies a verified event once; returns what happened (recorded with the event id). */
export async function applyStripeEvent(
  db: Database,
  event: Stripe.Event,
  now = new Date(),
): Promise<{ outcome: string; duplicate: boolean }> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type))
    return { outcome: 'ignored', duplicate: false };
  return db.transaction(async (tx) => {
    // Claim the event id first: a concurrent redelivery waits here, then sees it taken.
    const claimed = await tx
      .insert(webhookEvents)
      .values({ eventId: event.id, type: event.type, outcome: 'processing', receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: webhookEvents.eventId });
    if (claimed.length === 0) {
      const [seen] = await tx
        .select({ outcome: webhookEvents.outcome })
        .from(webhookEvents)
        .where(eq(webhookEvents.eventId, event.id));
      return { outcome: seen?.outcome ?? 'processing', duplicate: true };
    }
    const outcome = (REFUND_EVENTS as readonly string[]).includes(event.type)
      ? await applyStripeRefundEvent(tx, refundReport(event.data.object as Stripe.Refund), now)
      : await apply(tx, event.type as HandledType, event.data.object as Stripe.Checkout.Session, now);
    await tx.update(webhookEvents).set({ outcome }).where(eq(webhookEvents.eventId, event.id));
    return { outcome, duplicate: false };
  });
}

/** POST /api/webhooks/stripe: 400 for a bad signature (nothing changes), 200 once applied or seen. */
export async function stripeWebhookResponse(
  request: Request,
  db: Database,
  stripe: Stripe,
  secret: string,
): Promise<Response> {
  const payload = await request.text();
  const event = verifyStripeEvent(stripe, payload, request.headers.get('stripe-signature'), secret);
  if (!event)
    return apiError(400, 'bad_signature', 'The Stripe-Signature header does not verify for this payload.');
  const result = await applyStripeEvent(db, event);
  return json({ received: true, ...result });
}
