/**
 * The HTTP side of quotes, kept out of the route files so it is tested without a server:
 * POST /api/quotes (rate limits per IP and per e-mail, honeypot, validation, MOQ check, then
 * one stored transaction) and GET /api/quotes/{reference}?email= for the buyer.
 * A rejected request stores nothing.
 */

import { z } from 'zod';
import { todayInVietnam } from '~/catalogue';
import type { Database } from '~/db/client';
import { apiError, json, parseJsonBody, parseQuery, rateLimited } from '~/http/json';
import type { RateLimiter, RateLimitRule } from '~/security/rate-limit';
import type { Offer } from './offers';
import { HONEYPOT_FIELD, quoteRequestSchema } from './quote-input';
import { planQuote } from './quote-plan';
import { createQuote, findQuoteForBuyer, type QuoteView } from './quote-service';

export const QUOTE_LIMITS = {
  /** Quote submissions from one address (valid or not). */
  perIp: { limit: 10, windowMs: 10 * 60_000 },
  /** Accepted-format submissions for one buyer e-mail. */
  perEmail: { limit: 5, windowMs: 60 * 60_000 },
  /** Status look-ups from one address (reference + e-mail guessing). */
  lookupsPerIp: { limit: 30, windowMs: 10 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export interface QuoteApiDeps {
  db: Database;
  offers: ReadonlyMap<string, Offer>;
  limiter: RateLimiter;
  siteUrl: string;
  /** Operators' inbox for facilities without e-mail (ORDERS_EMAIL). */
  relayEmail?: string | undefined;
  now: Date;
  /** Called after a quote's transaction committed (starts e-mail delivery). */
  onCommitted?: () => void;
}

export async function handleCreateQuote(
  request: Request,
  clientIp: string,
  deps: QuoteApiDeps,
): Promise<Response> {
  const perIp = await deps.limiter.take(`quotes:ip:${clientIp}`, QUOTE_LIMITS.perIp);
  if (!perIp.allowed) return rateLimited('quote requests from this address', perIp.retryAfterSeconds);
  const parsed = await parseJsonBody(request, quoteRequestSchema(todayInVietnam(deps.now)));
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  if (input[HONEYPOT_FIELD]) {
    return apiError(
      400,
      'rejected',
      `The hidden field "${HONEYPOT_FIELD}" must stay empty; automated submissions are not accepted.`,
      {
        [HONEYPOT_FIELD]: 'must be empty',
      },
    );
  }
  const perEmail = await deps.limiter.take(`quotes:email:${input.company.email}`, QUOTE_LIMITS.perEmail);
  if (!perEmail.allowed) {
    return rateLimited('quote requests for this e-mail address', perEmail.retryAfterSeconds);
  }
  const plan = planQuote(input.items, deps.offers);
  if (!plan.ok)
    return apiError(400, 'invalid_request', 'Some products cannot be quoted as requested.', plan.fields);
  const created = await createQuote(deps.db, input, plan.requests, {
    siteUrl: deps.siteUrl,
    now: deps.now,
    relayEmail: deps.relayEmail,
  });
  deps.onCommitted?.();
  return json(created, 201);
}

const lookupSchema = z.object({ email: z.string().trim().email('not an e-mail address') });

export async function handleGetQuote(
  reference: string,
  url: URL,
  clientIp: string,
  deps: Pick<QuoteApiDeps, 'db' | 'limiter'>,
): Promise<Response> {
  const lookups = await deps.limiter.take(`quotes:lookup:${clientIp}`, QUOTE_LIMITS.lookupsPerIp);
  if (!lookups.allowed) return rateLimited('look-ups from this address', lookups.retryAfterSeconds);
  const query = parseQuery(url, lookupSchema);
  if (!query.ok) return query.response;
  const quote = await findQuoteForBuyer(deps.db, reference, query.data.email);
  // The same answer for an unknown reference and a wrong e-mail: nothing to learn by guessing.
  if (!quote) return apiError(404, 'not_found', 'No quote request with this reference and e-mail.');
  return json(quoteJson(quote));
}

/** The buyer's view of a quote as JSON (no internal ids). */
export function quoteJson(quote: QuoteView) {
  return {
    reference: quote.reference,
    createdAt: quote.createdAt.toISOString(),
    targetDate: quote.targetDate,
    message: quote.message,
    company: {
      name: quote.companyName,
      taxCode: quote.taxCode,
      contactName: quote.contactName,
      phone: quote.phone,
      email: quote.email,
      province: quote.province,
    },
    requests: quote.requests.map((r) => ({
      facility: { id: r.facilityId, name: r.facilityName, phone: r.facilityPhone },
      notified: r.facilityEmail !== null || r.relayedTo !== null,
      relayed: r.relayedTo !== null,
      status: r.status,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      message: r.facilityMessage,
      /** The last day the quoted prices stand (yyyy-mm-dd), when the facility said. */
      validUntil: r.validUntil,
      items: r.items.map((i) => ({
        sku: i.sku,
        product: i.productName,
        variant: i.variantName,
        quantity: i.quantity,
        minOrderQuantity: i.minOrderQuantity,
        indicativeUnitPrice: i.indicativeUnitPrice,
        offer:
          i.offeredUnitPrice !== null && i.offeredQuantity !== null
            ? { unitPrice: i.offeredUnitPrice, quantity: i.offeredQuantity, leadTimeDays: i.leadTimeDays }
            : null,
      })),
    })),
  };
}
