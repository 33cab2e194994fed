/**
 * /account/: sign-in by e-mail code. Step one asks for the address and sends a code (the same
 * answer whether or not the address was invited, so the form tells nobody who has an account);
 * step two takes the code. better-auth then either sets the session cookie or, for an account
 * with TOTP, a short-lived challenge cookie for /account/two-factor/.
 */
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Database } from '~/db/client';
import { type Locale, localePath } from '~/i18n/locales';
import type { RateLimiter } from '~/security/rate-limit';
import { isBackOffice } from './access-rules';
import { authFor } from './auth';
import { maySignIn } from './limits';
import { accountStrings } from './strings';

export type SignInState =
  | { kind: 'form'; step: 'email' | 'code'; email: string; next: string; error?: string; info?: string }
  | { kind: 'redirect'; location: string; cookies: string[] };

const emailSchema = z.string().trim().toLowerCase().email().max(254);
const formSchema = z.object({
  action: z.enum(['send-code', 'verify-code']),
  email: z.string().max(254),
  code: z.string().max(20).optional(),
  next: z.string().max(500).optional(),
});

/** A `next` that stays on this site and in the back office; anything else is dropped. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '';
  const path = next.split(/[?#]/)[0] ?? '';
  return isBackOffice(path.replace(/^\/en(?=\/)/, '')) ? next : '';
}

export interface SignInRequest {
  db: Database;
  request: Request;
  locale: Locale;
  limiter: RateLimiter;
  client: string;
}

export async function signInPageState({
  db,
  request,
  locale,
  limiter,
  client,
}: SignInRequest): Promise<SignInState> {
  const url = new URL(request.url);
  const t = accountStrings(locale);
  if (request.method !== 'POST') {
    return {
      kind: 'form',
      step: 'email',
      email: url.searchParams.get('email')?.slice(0, 254) ?? '',
      next: safeNext(url.searchParams.get('next')),
    };
  }
  const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const form = formSchema.safeParse(raw);
  const next = safeNext(form.success ? form.data.next : undefined);
  const email = emailSchema.safeParse(form.success ? form.data.email : '');
  if (!form.success || !email.success)
    return {
      kind: 'form',
      step: 'email',
      email: String(raw.email ?? '').slice(0, 254),
      next,
      error: t('errEmail'),
    };
  const limit = await maySignIn(limiter, client, email.data);
  const step = form.data.action === 'send-code' ? 'email' : 'code';
  if (!limit.allowed)
    return {
      kind: 'form',
      step,
      email: email.data,
      next,
      error: t('errTooMany', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
    };
  const auth = authFor(db);
  if (form.data.action === 'send-code') {
    await auth.api.sendVerificationOTP({ body: { email: email.data, type: 'sign-in' } });
    return {
      kind: 'form',
      step: 'code',
      email: email.data,
      next,
      info: t('codeSent', { email: email.data }),
    };
  }
  const code = (form.data.code ?? '').replace(/\s/g, '');
  try {
    const result = await auth.api.signInEmailOTP({
      body: { email: email.data, otp: code },
      headers: request.headers,
      returnHeaders: true,
    });
    const cookies = result.headers.getSetCookie();
    const body = result.response as {
      twoFactorRedirect?: boolean;
      user?: { role?: string; twoFactorEnabled?: boolean };
    };
    if (body.twoFactorRedirect) {
      const location = `${localePath(locale, '/account/two-factor/')}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
      return { kind: 'redirect', location, cookies };
    }
    const role = body.user?.role ?? 'facility';
    const location =
      role !== 'facility' && !body.user?.twoFactorEnabled
        ? localePath(locale, '/account/two-factor/')
        : next || localePath(locale, role === 'facility' ? '/account/sessions/' : '/admin/');
    return { kind: 'redirect', location, cookies };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const codeName = String((error.body as { code?: string } | undefined)?.code ?? '');
    const message = /TOO_MANY/.test(codeName)
      ? t('errCodeSpent')
      : /OTP|CODE/.test(codeName)
        ? t('errCode')
        : t('errNotAllowed');
    return { kind: 'form', step: 'code', email: email.data, next, error: message };
  }
}
