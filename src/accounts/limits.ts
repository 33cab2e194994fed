/**
 * Sign-in attempt limits: per client address and per account, so neither many addresses
 * against one account nor one address against many accounts gets far. Codes are 6 digits and
 * die after 5 wrong tries each; these budgets bound how many codes can be tried at all.
 */
import type { LimitDecision, RateLimiter } from '~/security/rate-limit';

/** Code requests and code or TOTP attempts from one address per 15 minutes. */
export const SIGN_IN_CLIENT_RULE = { limit: 30, windowMs: 15 * 60_000 };
/** The same, against one account (its e-mail address) per 15 minutes. */
export const SIGN_IN_ACCOUNT_RULE = { limit: 10, windowMs: 15 * 60_000 };

/** Counts one attempt for both keys; refused when either is over its budget. */
export async function maySignIn(
  limiter: RateLimiter,
  client: string,
  account: string,
): Promise<LimitDecision> {
  const byClient = await limiter.take(`sign-in-client:${client}`, SIGN_IN_CLIENT_RULE);
  if (!byClient.allowed) return byClient;
  return limiter.take(`sign-in-account:${account.toLowerCase()}`, SIGN_IN_ACCOUNT_RULE);
}
