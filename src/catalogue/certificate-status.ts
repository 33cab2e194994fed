/**
 * Certificate status as of a date: pure logic, no framework imports.
 *
 * Precedence: revoked (from its revocation date) > superseded > expired > valid.
 * A superseded certificate is reported as such even after it expires, because the useful
 * answer for the person holding the package is the newer certificate.
 */
import { LEVEL_RANK } from './programme';
import type { Certificate } from './schemas';

export const STATUSES = ['valid', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof STATUSES)[number];

export interface StatusVerdict {
  status: CertificateStatus;
  /** Set when status is "superseded": the certificate that replaces this one. */
  supersededBy?: string;
}

/** The default validity: 31 December of the fourth year, counting the issue year as year one. */
export function defaultValidUntil(year: number): string {
  return `${year + 3}-12-31`;
}

export { todayInVietnam } from '~/i18n/today';

/** The date from which a certificate counts as existing. */
function startDate(c: Pick<Certificate, 'issuedOn' | 'year'>): string {
  return c.issuedOn ?? `${c.year}-01-01`;
}

/**
 * Does `newer` supersede `older`? Only certificates of the same product are compared.
 * A newer round at the same or a higher level supersedes; so does a higher level from the
 * same or a later round. A newer certificate at a lower level does not: a national
 * certificate stays the one to show while it is valid.
 */
export function supersedes(newer: Certificate, older: Certificate): boolean {
  if (newer.id === older.id || newer.productId !== older.productId) return false;
  const rankNew = LEVEL_RANK[newer.level];
  const rankOld = LEVEL_RANK[older.level];
  return (newer.year > older.year && rankNew >= rankOld) || (rankNew > rankOld && newer.year >= older.year);
}

/**
 * The status of `certificate` on `asOf` (yyyy-mm-dd), given the other certificates of the
 * same product (others of other products are ignored, so passing a whole list is fine).
 */
export function certificateStatus(
  certificate: Certificate,
  siblings: readonly Certificate[],
  asOf: string,
): StatusVerdict {
  const rev = certificate.revocation;
  if (rev && rev.date <= asOf) return { status: 'revoked' };

  const replacement = siblings
    .filter(
      (c) =>
        supersedes(c, certificate) && startDate(c) <= asOf && !(c.revocation && c.revocation.date <= asOf),
    )
    .sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.year - a.year)[0];
  if (replacement) return { status: 'superseded', supersededBy: replacement.id };

  if (certificate.validUntil < asOf) return { status: 'expired' };
  return { status: 'valid' };
}
