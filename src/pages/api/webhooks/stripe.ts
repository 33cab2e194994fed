/**
 * POST /api/webhooks/stripe: signature-checked Checkout Session and refund events
 * (src/commerce/payments/stripe-webhook.ts).
 */
import type { APIRoute } from 'astro';
import { stripeClient } from '~/commerce/payments/stripe';
import { stripeWebhookResponse } from '~/commerce/payments/stripe-webhook-api';
import { env } from '~/config/env';
import { database } from '~/db/client';
import { apiError } from '~/http/json';
import { kickDelivery } from '~/notifications/worker';
import { logApiEvent } from '~/server/api-events';

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  const stripe = stripeClient();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret)
    return apiError(404, 'not_configured', 'Card payments are not configured on this server.');
  const response = await stripeWebhookResponse(request, (await database()).db, stripe, secret);
  if (response.ok) kickDelivery();
  void logApiEvent('payment.stripe-webhook', response);
  return response;
};
