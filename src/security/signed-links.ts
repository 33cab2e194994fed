/**
 * Signed, expiring tokens for links sent to facilities (order actions, quote answers).
 * HMAC-SHA256 over the payload and expiry; compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '~/config/env';
import { localSecret } from './local-secrets';

export interface SignedPayload {
  /** What the link allows, e.g. "order-shipment". Different purposes never share tokens. */
  purpose: string;
  /** The thing acted on, e.g. a shipment id. */
  subject: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function secret(): string {
  return env().LINK_SIGNING_SECRET ?? localSecret('link-signing-secret');
}

function mac(body: string, key: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

export function signToken(payload: SignedPayload, key = secret()): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, key).toString('base64url')}`;
}

export type TokenCheck =
  | { ok: true; payload: SignedPayload }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_purpose' };

export function verifyToken(
  token: string,
  expected: { purpose: string; subject?: string },
  now: Date = new Date(),
  key = secret(),
): TokenCheck {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(sig, 'base64url');
  const wanted = mac(body, key);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: 'bad_signature' };
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (payload.purpose !== expected.purpose) return { ok: false, reason: 'wrong_purpose' };
  if (expected.subject !== undefined && payload.subject !== expected.subject)
    return { ok: false, reason: 'wrong_purpose' };
  if (payload.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
