/**
 * Sourcing as the server's routes see it: offers from the live catalogue (the build's, with the
 * listings facilities saved and the live revocations; computed once per change and day), the
 * server's rate limiter for quotes and exports, the database and the outbox kick. Pure logic
 * stays in the other modules; only this one reaches astro:content.
 */

import { todayInVietnam } from '~/catalogue';
import { env } from '~/config/env';
import { database } from '~/db/client';
import { kickDelivery } from '~/notifications/astro';
import { clientAddress } from '~/security/client-address';
import type { ClientLimit } from '~/security/rate-limit';
import { serverRateLimiter } from '~/security/server-limiter';
import { liveCatalogue } from '~/verification/astro';
import { type Offer, offersBySku, offersOf } from './offers';
import type { QuoteApiDeps } from './quote-api';

let indexed: { offers: Offer[]; bySku: Map<string, Offer> } | undefined;

/**
 * The /wholesale/ page, the exports and quote pricing (POST /api/quotes) read these: a price,
 * tier or MOQ a facility saves is offered within seconds, with no rebuild.
 */
export async function serverOffers(): Promise<{ offers: Offer[]; bySku: Map<string, Offer> }> {
  const offers = offersOf(await liveCatalogue(), todayInVietnam());
  if (indexed?.offers !== offers) indexed = { offers, bySku: offersBySku(offers) };
  return indexed;
}

export async function quoteApiDeps(): Promise<QuoteApiDeps> {
  const [{ db }, { bySku }] = await Promise.all([database(), serverOffers()]);
  const { PUBLIC_SITE_URL, ORDERS_EMAIL } = env();
  return {
    db,
    offers: bySku,
    limiter: serverRateLimiter(),
    siteUrl: PUBLIC_SITE_URL,
    relayEmail: ORDERS_EMAIL,
    now: new Date(),
    onCommitted: kickDelivery,
  };
}

/** The server's limiter counting exports for whoever sent `request` (see clientAddress). */
export function exportLimitFor(request: Request, socketAddress: string | undefined): ClientLimit {
  return { limiter: serverRateLimiter(), client: clientAddress(request, socketAddress) };
}

// For the facility portal's inbox: a facility's quote requests, and the signed link's answer
// page handling for a person.
export { type AnswerPageState, answerPageState, type RequestIdentity } from './answer-page';
export { QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from './db-schema';
export {
  FACILITY_REQUESTS_PAGE_SIZE,
  type FacilityRequestPage,
  type FacilityRequestQuery,
  type FacilityRequestRow,
  facilityRequestCounts,
  listFacilityRequests,
} from './facility-requests-store';
export type { RequestActor } from './quote-service';
