/**
 * Card refunds through Stripe's Refunds API with the official SDK (configured in
 * ../payments/stripe.ts, pointed at a local fake in tests). Every call carries an idempotency
 * key derived from the refund row: a retry, by the SDK or by a person, returns the refund
 * Stripe already made instead of making a second one.
 */
import Stripe from 'stripe';

export type CardRefundResult =
  | { outcome: 'created'; id: string; status: string | null; failureReason: string | null }
  /** Stripe answered no (a 4xx): this refund will never go through as asked. */
  | { outcome: 'rejected'; message: string }
  /** Stripe could not be reached or failed (5xx, 409 key in use, 429): safe to try again. */
  | { outcome: 'unavailable'; message: string };

export interface CardRefunds {
  create(request: {
    paymentIntentId: string;
    amount: number;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<CardRefundResult>;
  /** The PaymentIntent of a Checkout Session, for card payments recorded before it was stored. */
  paymentIntentOfSession(sessionId: string): Promise<string | null>;
}

/** The Stripe idempotency key of a refund row: the same row always sends the same key. */
export function stripeRefundKey(refundIdempotencyKey: string): string {
  return `refund-${refundIdempotencyKey}`;
}

function definitive(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  const status = error.statusCode ?? 0;
  return status >= 400 && status < 500 && status !== 409 && status !== 429;
}

export function stripeCardRefunds(stripe: Stripe): CardRefunds {
  return {
    async create({ paymentIntentId, amount, idempotencyKey, metadata }) {
      try {
        // VND is zero-decimal for Stripe: the amount is whole đồng.
        const refund = await stripe.refunds.create(
          { payment_intent: paymentIntentId, amount, metadata },
          { idempotencyKey },
        );
        return {
          outcome: 'created',
          id: refund.id,
          status: refund.status,
          failureReason: refund.failure_reason ?? null,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return definitive(error) ? { outcome: 'rejected', message } : { outcome: 'unavailable', message };
      }
    },
    async paymentIntentOfSession(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      const intent = session.payment_intent;
      return typeof intent === 'string' ? intent : (intent?.id ?? null);
    },
  };
}
