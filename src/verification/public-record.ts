/**
 * The public record of one certificate as of a date: its verdict (status and what the status
 * hangs on) plus the certificate, product and facility facts a person compares with the
 * package in hand. Shared by GET /api/verify, the open register and the verification pages.
 */
import type {
  Catalogue,
  Certificate,
  CertificateStatus,
  FacilityType,
  ProductGroup,
  Revocation,
} from '~/catalogue';
import {
  type CertificateFacts,
  certificateFacts,
  facilityPath,
  findProvince,
  productPath,
  verifyPath,
} from '~/catalogue';

export interface CertificateRef {
  id: string;
  number: string | null;
  level: Certificate['level'];
  year: number;
  url: string;
}

/** What the status rests on; enough to say it in words (see verdict.ts). */
export interface Verdict {
  status: CertificateStatus;
  /** The date the verdict is computed for (Vietnam time), yyyy-mm-dd. */
  asOf: string;
  validUntil: string;
  /** When the current status began: revocation date, the newer certificate's start, or the day after validUntil. */
  since: string | null;
  revocation: Revocation | null;
  supersededBy: CertificateRef | null;
  /** A revocation recorded with a date still to come (status stays valid until then). */
  revocationScheduled: Revocation | null;
}

export interface VerificationRecord extends Verdict {
  certificate: CertificateFacts & {
    issuedBy: string;
    issuedOn: string | null;
    validUntil: string;
    score: number | null;
    /** The province as named on the day of issue, and the province it belongs to today. */
    province: { asListed: string; current: string | null };
    revocation: Revocation | null;
    url: string;
  };
  product: { id: string; name: string; group: ProductGroup; isSet: boolean; url: string } | null;
  facility: {
    id: string;
    name: string;
    type: FacilityType;
    address: string | null;
    province: string;
    provinceAsListed: string;
    url: string;
  } | null;
}

/** The day after a yyyy-mm-dd date. */
export function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function certificateRef(c: Certificate): CertificateRef {
  return { id: c.id, number: c.number ?? null, level: c.level, year: c.year, url: verifyPath(c.id) };
}

export function verdictOf(catalogue: Catalogue, c: Certificate, asOf: string): Verdict {
  const { status, supersededBy } = catalogue.statusOf(c, asOf);
  const newer = supersededBy ? catalogue.certificateById.get(supersededBy) : undefined;
  const revoked = status === 'revoked' ? c.revocation! : null;
  const since =
    status === 'revoked'
      ? revoked!.date
      : newer
        ? (newer.issuedOn ?? `${newer.year}-01-01`)
        : status === 'expired'
          ? nextDay(c.validUntil)
          : null;
  return {
    status,
    asOf,
    validUntil: c.validUntil,
    since,
    revocation: revoked,
    supersededBy: newer ? certificateRef(newer) : null,
    revocationScheduled: c.revocation && c.revocation.date > asOf ? c.revocation : null,
  };
}

export function verificationRecord(catalogue: Catalogue, c: Certificate, asOf: string): VerificationRecord {
  const product = catalogue.productById.get(c.productId);
  const facility = catalogue.facilityById.get(c.facilityId);
  return {
    ...verdictOf(catalogue, c, asOf),
    certificate: {
      ...certificateFacts(c),
      issuedBy: c.issuedBy,
      issuedOn: c.issuedOn ?? null,
      validUntil: c.validUntil,
      score: c.score ?? null,
      province: {
        asListed: c.provinceAsListed,
        current: findProvince(c.provinceAsListed)?.current.name ?? facility?.province ?? null,
      },
      revocation: c.revocation ?? null,
      url: verifyPath(c.id),
    },
    product: product
      ? {
          id: product.id,
          name: product.name,
          group: product.group,
          isSet: product.isSet,
          url: productPath(product.id),
        }
      : null,
    facility: facility
      ? {
          id: facility.id,
          name: facility.name,
          type: facility.type,
          address: facility.address ?? null,
          province: facility.province,
          provinceAsListed: facility.provinceAsListed,
          url: facilityPath(facility.id),
        }
      : null,
  };
}
