/**
 * Links of the quote flow: the facility's signed answer link (purpose "quote-answer", subject
 * = the facility request id) and the buyer's status page (reference + e-mail, like order status).
 */
import { type Locale, localePath } from '~/i18n/locales';
import { signToken, type TokenCheck, verifyToken } from '~/security/signed-links';
import { answerPath, quotePath } from './paths';

export const QUOTE_ANSWER_PURPOSE = 'quote-answer';
/** A facility has two months to answer; buyers' target dates are rarely further out. */
export const ANSWER_LINK_DAYS = 60;

export function answerLink(siteUrl: string, requestId: number, now: Date): { url: string; expires: Date } {
  const expires = new Date(now.getTime() + ANSWER_LINK_DAYS * 86_400_000);
  const token = signToken({
    purpose: QUOTE_ANSWER_PURPOSE,
    subject: String(requestId),
    exp: Math.floor(expires.getTime() / 1000),
  });
  return { url: new URL(answerPath(token), siteUrl).href, expires };
}

export type AnswerTokenCheck =
  | { ok: true; requestId: number }
  | { ok: false; reason: Extract<TokenCheck, { ok: false }>['reason'] };

export function checkAnswerToken(token: string, now = new Date()): AnswerTokenCheck {
  const check = verifyToken(token, { purpose: QUOTE_ANSWER_PURPOSE }, now);
  if (!check.ok) return check;
  const requestId = Number(check.payload.subject);
  return Number.isSafeInteger(requestId) && requestId > 0
    ? { ok: true, requestId }
    : { ok: false, reason: 'malformed' };
}

/** The status page with the e-mail filled in, as sent to the buyer. */
export function quoteStatusUrl(siteUrl: string, locale: Locale, reference: string, email: string): string {
  const url = new URL(localePath(locale, quotePath(reference)), siteUrl);
  url.searchParams.set('email', email);
  return url.href;
}
