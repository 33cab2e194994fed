/**
 * Facility API tokens as text: `cnnt_fac_<id>_<secret>`, the id a random hex name the token is
 * looked up by (and listed, revoked and audited as), the secret 32 random bytes in base64url.
 * Only SHA-256 of the secret is stored: a fast hash is enough for 256 random bits (nothing to
 * guess), and comparing the hashes in constant time keeps the comparison from leaking a prefix.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const FACILITY_SCOPES = ['listings:read', 'listings:write', 'photos:write'] as const;
export type FacilityScope = (typeof FACILITY_SCOPES)[number];

export const TOKEN_PREFIX = 'cnnt_fac_';
const ID_BYTES = 8;
const SECRET_BYTES = 32;
/** The whole token: the prefix, 16 hex digits, "_", 43 base64url characters. */
const TOKEN_SHAPE = /^cnnt_fac_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
export const TOKEN_ID_SHAPE = /^[0-9a-f]{16}$/;

export interface NewToken {
  id: string;
  /** The token to hand over once; never stored. */
  token: string;
  secretHash: string;
}

/** A fresh token and the hash to store for it. */
export function newToken(): NewToken {
  const id = randomBytes(ID_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id, token: `${TOKEN_PREFIX}${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a well-formed token, else undefined. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'base64url');
  const stored = Buffer.from(storedHash, 'base64url');
  // Both are SHA-256 digests; a stored value of another length is corrupt, never a match.
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** A hash no secret has in practice, compared against when the id is unknown (same work either way). */
export const UNKNOWN_TOKEN_HASH = hashSecret('no token has this secret');
