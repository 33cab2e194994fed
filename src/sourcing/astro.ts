/**
 * Sourcing as the server's routes see it: offers from the bundled catalogue (computed once
 * per process and day), the server's rate limiter for quotes and exports, the database and the
 * outbox kick. Pure logic stays in the other modules; only this one imports astro:content.
 */

import { todayInVietnam } from '~/catalogue';
import { getCatalogue } from '~/catalogue/astro';
import { env } from '~/config/env';
import { database } from '~/db/client';
import { kickDelivery } from '~/notifications/astro';
import { clientAddress } from '~/security/client-address';
import type { ClientLimit } from '~/security/rate-limit';
import { serverRateLimiter } from '~/security/server-limiter';
import { type Offer, offersBySku, offersOf } from './offers';
import type { QuoteApiDeps } from './quote-api';

let indexed: { offers: Offer[]; bySku: Map<string, Offer> } | undefined;

export async function serverOffers(): Promise<{ offers: Offer[]; bySku: Map<string, Offer> }> {
  const offers = offersOf(await getCatalogue(), todayInVietnam());
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
