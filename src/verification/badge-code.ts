/**
 * Signed badge codes: a compact text a badge's QR code carries, binding a certificate's id,
 * level, year and valid-until date to a programme key (Ed25519 through node:crypto).
 *
 *   b1.{certificateId}.{level letter}.{year}.{validUntil yyyymmdd}.{keyId}.{signature}
 *
 * Everything before the last dot is the signed message, so the key id is signed too. The
 * signature is 64 bytes in unpadded base64url (86 characters). The code is readable on
 * purpose: a person or an operator can see what it claims without any tool.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import type { Certificate, Level } from '~/catalogue';

export const BADGE_CODE_VERSION = 'b1';

const LEVEL_LETTERS: Record<Level, string> = {
  national: 'n',
  regional: 'r',
  province: 'p',
  district: 'd',
  commune: 'c',
};
const LEVEL_BY_LETTER = new Map(
  Object.entries(LEVEL_LETTERS).map(([level, letter]) => [letter, level as Level]),
);

/** Key ids appear inside the code, so they may not contain the dot separator. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const CODE_PATTERN =
  /^b1\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z])\.(\d{4})\.(\d{4})(\d{2})(\d{2})\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{86})$/;

/** The longest possible code: "b1." + id (120) + "." + level + "." + year + "." + date + "." + key id (32) + "." + signature. */
export const MAX_BADGE_CODE_LENGTH = 3 + 121 + 2 + 5 + 9 + 33 + 86;

/** What a badge code claims about its certificate. */
export type BadgeClaims = Pick<Certificate, 'id' | 'level' | 'year' | 'validUntil'>;

export interface BadgeSigner {
  kid: string;
  privateKey: KeyObject;
}

export type BadgeCheck =
  | { ok: true; claims: BadgeClaims; kid: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/** Does the text look like a badge code (rather than a certificate id or printed number)? */
export function looksLikeBadgeCode(text: string): boolean {
  return text.trim().startsWith(`${BADGE_CODE_VERSION}.`);
}

function message(claims: BadgeClaims, kid: string): string {
  return [
    BADGE_CODE_VERSION,
    claims.id,
    LEVEL_LETTERS[claims.level],
    String(claims.year),
    claims.validUntil.replaceAll('-', ''),
    kid,
  ].join('.');
}

export function signBadgeCode(claims: BadgeClaims, signer: BadgeSigner): string {
  const body = message(claims, signer.kid);
  return `${body}.${sign(null, Buffer.from(body, 'utf8'), signer.privateKey).toString('base64url')}`;
}

/**
 * Checks a code's form and signature against the verifying keys (by key id). It does not
 * look at the register: whether the claims still match the certificate is the caller's call.
 */
export function verifyBadgeCode(code: string, verifiers: ReadonlyMap<string, KeyObject>): BadgeCheck {
  const m = CODE_PATTERN.exec(code.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const [, id, letter, year, yyyy, mm, dd, kid, signature] = m as unknown as [string, ...string[]];
  const level = LEVEL_BY_LETTER.get(letter!);
  if (!level) return { ok: false, reason: 'malformed' };
  const claims: BadgeClaims = { id: id!, level, year: Number(year), validUntil: `${yyyy}-${mm}-${dd}` };
  const key = verifiers.get(kid!);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const sig = Buffer.from(signature!, 'base64url');
  // base64url's last character carries spare bits: insist on the one canonical spelling so
  // that no two different codes verify for the same signature.
  if (sig.length !== 64 || sig.toString('base64url') !== signature)
    return { ok: false, reason: 'bad_signature' };
  const body = message(claims, kid!);
  return verify(null, Buffer.from(body, 'utf8'), key, sig)
    ? { ok: true, claims, kid: kid! }
    : { ok: false, reason: 'bad_signature' };
}

/** Do a verified code's claims still describe the certificate as the register has it now? */
export function claimsMatch(claims: BadgeClaims, certificate: Certificate): boolean {
  return (
    claims.id === certificate.id &&
    claims.level === certificate.level &&
    claims.year === certificate.year &&
    claims.validUntil === certificate.validUntil
  );
}
