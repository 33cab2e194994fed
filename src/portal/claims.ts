/**
 * "Are you this facility?": what the public form asks and how its certificate number is matched.
 * The number proves little on its own (certificates are public), so an operator still decides;
 * it ties the request to one certificate of that facility for the operator to check. Pure.
 */
import { z } from 'zod';
import type { Catalogue, Certificate } from '~/catalogue';
import type { RateLimitRule } from '~/security/rate-limit';
import { CertificateLookup } from '~/verification';

export const CLAIM_FIELDS = ['email', 'certificate', 'name', 'phone'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const claimSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  /** As printed on the certificate ("Số 12/GCN-BCT"), or the registry id. */
  certificate: z.string().trim().min(1).max(100),
  name: optionalText(200),
  phone: optionalText(40).refine((p) => p === undefined || /^\+?[0-9 .()-]{6,40}$/.test(p)),
});
export type ClaimInput = z.infer<typeof claimSchema>;

/** Reason refusing a claim: shown to the operator and e-mailed to the person. */
export const refusalSchema = z.string().trim().min(3).max(1000);

/** Attempts per client address: enough for typos, too few to try numbers by the hundred. */
export const CLAIM_RATE: RateLimitRule = { limit: 5, windowMs: 10 * 60_000 };

export function claimRateKey(address: string): string {
  return `facility-claims:ip:${address}`;
}

/** The claim form of a facility (on demand; the facility page itself is static). */
export function claimPath(facilityId: string): string {
  return `/facilities/${facilityId}/claim/`;
}

export type CertificateMatch =
  | { kind: 'found'; certificate: Certificate }
  /** No certificate in the registry has this number. */
  | { kind: 'unknown' }
  /** Certificates have it, but none of this facility's. */
  | { kind: 'other_facility' };

/** The certificate of `facilityId` that `text` names, matched as the verification search does. */
export function matchClaimCertificate(
  catalogue: Catalogue,
  facilityId: string,
  text: string,
): CertificateMatch {
  const found = new CertificateLookup(catalogue.data.certificates).find(text);
  if (found.length === 0) return { kind: 'unknown' };
  const own = found.find((c) => c.facilityId === facilityId);
  return own ? { kind: 'found', certificate: own } : { kind: 'other_facility' };
}
