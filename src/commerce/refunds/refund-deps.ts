/** The server's refund service dependencies: its database and, when card payments are configured, Stripe. */
import { stripeClient } from '~/commerce/payments/stripe';
import { database } from '~/db/client';
import type { RefundDeps } from './refund-service';
import { stripeCardRefunds } from './stripe-refunds';

export async function refundDeps(): Promise<RefundDeps> {
  const { db } = await database();
  const stripe = stripeClient();
  return { db, cards: stripe ? stripeCardRefunds(stripe) : undefined };
}
