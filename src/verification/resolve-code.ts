/**
 * From a typed or scanned code to a certificate (or to the reason there is none). Pure: the
 * catalogue and the verifying keys are passed in.
 */
import type { KeyObject } from 'node:crypto';
import type { Catalogue, Certificate } from '~/catalogue';
import { type BadgeClaims, claimsMatch, verifyBadgeCode } from './badge-code';
import { CertificateLookup, classifyCode } from './certificate-index';

export interface BadgeFinding {
  kid: string;
  claims: BadgeClaims;
  /** False when the register changed the certificate since the code was signed. */
  matchesRegister: boolean;
}

export type Resolution =
  | { kind: 'found'; certificate: Certificate; badge: BadgeFinding | null }
  | { kind: 'ambiguous'; candidates: Certificate[] }
  | { kind: 'not_found' }
  | { kind: 'bad_signature' };

const lookups = new WeakMap<Catalogue, CertificateLookup>();

function lookupFor(catalogue: Catalogue): CertificateLookup {
  let lookup = lookups.get(catalogue);
  if (!lookup) {
    lookup = new CertificateLookup(catalogue.data.certificates);
    lookups.set(catalogue, lookup);
  }
  return lookup;
}

export function resolveCode(
  code: string,
  catalogue: Catalogue,
  verifiers: ReadonlyMap<string, KeyObject>,
): Resolution {
  if (classifyCode(code) === 'badge') {
    const check = verifyBadgeCode(code, verifiers);
    if (!check.ok) return { kind: 'bad_signature' };
    const certificate = catalogue.certificateById.get(check.claims.id);
    if (!certificate) return { kind: 'not_found' };
    return {
      kind: 'found',
      certificate,
      badge: {
        kid: check.kid,
        claims: check.claims,
        matchesRegister: claimsMatch(check.claims, certificate),
      },
    };
  }
  const found = lookupFor(catalogue).find(code);
  if (found.length === 0) return { kind: 'not_found' };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found };
  return { kind: 'found', certificate: found[0]!, badge: null };
}
