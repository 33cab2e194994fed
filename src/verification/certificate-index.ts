/**
 * Finding a certificate from what a person types or scans: a certificate id, the number as
 * printed (ignoring case, spaces, punctuation and diacritics: "Số 12/GCN-BCT" = "12gcnbct"),
 * or a signed badge code (recognised by its prefix and checked elsewhere).
 */

import { looksLikeBadgeCode, MAX_BADGE_CODE_LENGTH } from './badge-code';

/** Longer input is refused before any work: no id, number or badge code is this long. */
export const MAX_CODE_LENGTH = MAX_BADGE_CODE_LENGTH;

export type CodeKind = 'badge' | 'text';

export function classifyCode(code: string): CodeKind {
  return looksLikeBadgeCode(code) ? 'badge' : 'text';
}

// The lookup itself needs no badge code, so it lives where browser-safe code can import it.
export { CertificateLookup } from './certificate-lookup';
