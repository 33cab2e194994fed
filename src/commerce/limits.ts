/**
 * Rate-limit rules of buying, shared by the HTTP API and the pages so that both count against
 * the same budget (the server's one limiter: ./astro.ts).
 */
import type { ClientLimit, LimitDecision } from '~/security/rate-limit';

/**
 * Order attempts (valid or not, API and checkout form together) per client per 10 minutes:
 * a household ordering for several addresses fits; a script filling the order book does not.
 */
export const PLACEMENT_RULE = { limit: 20, windowMs: 10 * 60_000 };

/** Counts one order attempt for the client; refused when it is over PLACEMENT_RULE. */
export function mayPlaceOrder({ limiter, client }: ClientLimit): Promise<LimitDecision> {
  return limiter.take(`order-placement:${client}`, PLACEMENT_RULE);
}

/** Lookups per client per minute: enough for a person, too few to guess phone numbers. */
export const LOOKUP_RULE = { limit: 20, windowMs: 60_000 };

/** Counts one order lookup for the client; refused when it is over LOOKUP_RULE. */
export function mayLookUpOrder({ limiter, client }: ClientLimit): Promise<LimitDecision> {
  return limiter.take(`order-lookup:${client}`, LOOKUP_RULE);
}
