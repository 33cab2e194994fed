/**
 * /account/two-factor/: enrolment for an operator or admin signed in without TOTP (QR code,
 * key, recovery codes shown once, then a code to prove the app works), and the challenge after
 * a code sign-in for an account with TOTP (a code from the app, or a recovery code).
 */
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import { z } from 'zod';
import { appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type Locale, localePath } from '~/i18n/locales';
import type { RateLimiter } from '~/security/rate-limit';
import type { Principal } from './access-rules';
import { authFor } from './auth';
import { actorOf } from './guard';
import { maySignIn } from './limits';
import { safeNext } from './sign-in-page';
import { accountStrings } from './strings';

export interface Enrolment {
  qrSvg: string;
  secret: string;
  /** Only right after the secret was made: the codes are never shown again. */
  backupCodes: string[];
}

export type TwoFactorState =
  | { kind: 'enrol'; next: string; enrolment?: Enrolment; error?: string }
  | { kind: 'challenge'; next: string; error?: string }
  | { kind: 'redirect'; location: string; cookies: string[] };

const formSchema = z.object({
  action: z.enum(['enrol-start', 'enrol-verify', 'verify', 'recover']),
  code: z.string().max(40).default(''),
  next: z.string().max(500).optional(),
});

async function enrolment(totpURI: string, backupCodes: string[]): Promise<Enrolment> {
  const secret = new URL(totpURI).searchParams.get('secret') ?? '';
  const qrSvg = await QRCode.toString(totpURI, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { qrSvg, secret, backupCodes };
}

export interface TwoFactorRequest {
  db: Database;
  request: Request;
  locale: Locale;
  principal: Principal;
  limiter: RateLimiter;
  client: string;
}

export async function twoFactorPageState(input: TwoFactorRequest): Promise<TwoFactorState> {
  const { db, request, locale, principal } = input;
  const t = accountStrings(locale);
  const auth = authFor(db);
  const url = new URL(request.url);
  const enrolling = principal.kind === 'account' && !principal.twoFactorEnabled;
  const hasChallenge = /(^|;\s*)[\w.-]*two_factor=/.test(request.headers.get('cookie') ?? '');
  if (request.method !== 'POST') {
    const next = safeNext(url.searchParams.get('next'));
    if (enrolling) return { kind: 'enrol', next };
    if (hasChallenge) return { kind: 'challenge', next };
    return { kind: 'redirect', location: localePath(locale, '/account/'), cookies: [] };
  }
  const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const form = formSchema.safeParse(raw);
  const next = safeNext(form.success ? form.data.next : undefined);
  if (!form.success) return enrolling ? { kind: 'enrol', next } : { kind: 'challenge', next };
  const { action } = form.data;
  const code = form.data.code.replace(/\s/g, '');
  const done = (cookies: string[]) => ({
    kind: 'redirect' as const,
    location:
      next ||
      localePath(
        locale,
        principal.kind === 'account' && principal.role === 'facility' ? '/account/sessions/' : '/admin/',
      ),
    cookies,
  });

  if (enrolling && principal.kind === 'account') {
    if (action === 'enrol-start') {
      const made = await auth.api.enableTwoFactor({ body: { method: 'totp' }, headers: request.headers });
      if (made.method !== 'totp') throw new Error('better-auth enabled another second factor than TOTP');
      return { kind: 'enrol', next, enrolment: await enrolment(made.totpURI, made.backupCodes) };
    }
    const limit = await maySignIn(input.limiter, input.client, principal.email);
    let cookies: string[] = [];
    try {
      if (!limit.allowed) throw new APIError('TOO_MANY_REQUESTS');
      // Enabling TOTP replaces the session with a new one: its cookie must reach the browser.
      const verified = await auth.api.verifyTOTP({
        body: { code },
        headers: request.headers,
        returnHeaders: true,
      });
      cookies = verified.headers.getSetCookie();
    } catch (error) {
      if (!(error instanceof APIError)) throw error;
      const again = await auth.api.getTOTPURI({ body: {}, headers: request.headers }).catch(() => undefined);
      return {
        kind: 'enrol',
        next,
        ...(again ? { enrolment: await enrolment(again.totpURI, []) } : {}),
        error: limit.allowed
          ? t('errTotp')
          : t('errTooMany', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
      };
    }
    await appendAudit(db, actorOf(principal), {
      action: 'account.two_factor_enabled',
      target: { type: 'account', id: principal.userId },
      after: { twoFactorEnabled: true },
    });
    return done(cookies);
  }

  if (!hasChallenge) return { kind: 'redirect', location: localePath(locale, '/account/'), cookies: [] };
  const challengeKey = /two_factor=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? '';
  const limit = await maySignIn(input.limiter, input.client, `challenge:${challengeKey}`);
  if (!limit.allowed)
    return {
      kind: 'challenge',
      next,
      error: t('errTooMany', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
    };
  try {
    const result =
      action === 'recover'
        ? await auth.api.verifyBackupCode({ body: { code }, headers: request.headers, returnHeaders: true })
        : await auth.api.verifyTOTP({ body: { code }, headers: request.headers, returnHeaders: true });
    return done(result.headers.getSetCookie());
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const expired = /INVALID_TWO_FACTOR_COOKIE|UNAUTHORIZED|EXPIRED/.test(
      String((error.body as { code?: string })?.code),
    );
    return { kind: 'challenge', next, error: expired ? t('challengeExpired') : t('errTotp') };
  }
}
