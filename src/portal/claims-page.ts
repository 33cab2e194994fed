/**
 * /facilities/{id}/claim/ (public, on demand): GET shows the form, POST validates it, checks
 * the certificate against the facility, stores a pending claim and redirects to ?sent=1. The
 * answer is the same whether or not the address has an account or already asked, so the form
 * tells nobody who is a member. Bad input or a wrong certificate stores nothing.
 */
import type { Catalogue } from '~/catalogue';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { type Locale, localePath } from '~/i18n/locales';
import type { RateLimiter } from '~/security/rate-limit';
import { claimStrings } from './claim-strings';
import {
  CLAIM_FIELDS,
  CLAIM_RATE,
  type ClaimField,
  claimPath,
  claimRateKey,
  claimSchema,
  matchClaimCertificate,
} from './claims';
import { storeClaim } from './claims-store';

/** A form of four short fields: anything bigger is not this form. */
export const CLAIM_FORM_MAX_BYTES = 8 * 1024;

export interface ClaimDeps {
  catalogue(): Promise<Catalogue>;
  db(): Promise<Database>;
  limiter: RateLimiter;
  /** The client's address, for the rate limit. */
  address: string;
}

export interface ClaimPageState {
  facility: { id: string; name: string };
  sent: boolean;
  values: Partial<Record<ClaimField, string>>;
  /** Per field, in the page's language. */
  fieldErrors: Partial<Record<ClaimField, string>>;
  /** About the whole request (certificate of another facility, too many attempts). */
  error?: string;
}

export type ClaimPageOutcome =
  | { kind: 'page'; state: ClaimPageState; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

const FIELD_ERROR = {
  email: 'errEmail',
  certificate: 'errCertificate',
  name: 'errName',
  phone: 'errPhone',
} as const;

export async function claimPageState(
  request: Request,
  locale: Locale,
  facilityId: string,
  deps: ClaimDeps,
): Promise<ClaimPageOutcome> {
  const t = claimStrings(locale);
  const catalogue = await deps.catalogue();
  const found = catalogue.facilityById.get(facilityId);
  if (!found) return { kind: 'not_found' };
  const facility = { id: found.id, name: found.name };
  const page = (status: number, rest: Partial<ClaimPageState> = {}): ClaimPageOutcome => ({
    kind: 'page',
    status,
    state: { facility, sent: false, values: {}, fieldErrors: {}, ...rest },
  });
  if (request.method !== 'POST')
    return page(200, { sent: new URL(request.url).searchParams.get('sent') === '1' });

  let form: FormData;
  try {
    form = await limitedFormData(request, CLAIM_FORM_MAX_BYTES);
  } catch (error) {
    return page(error instanceof BodyTooLarge ? 413 : 400, { error: t('errTooLarge') });
  }
  const values: Partial<Record<ClaimField, string>> = {};
  for (const f of CLAIM_FIELDS) {
    const v = form.get(f);
    if (typeof v === 'string') values[f] = v.slice(0, 1000);
  }
  const parsed = claimSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<ClaimField, string>> = {};
    for (const issue of parsed.error.issues) {
      const f = issue.path[0] as ClaimField;
      if (f in FIELD_ERROR) fieldErrors[f] = t(FIELD_ERROR[f]);
    }
    return page(400, { values, fieldErrors });
  }
  // Counted before the certificate is checked, so numbers cannot be tried freely.
  const allowance = await deps.limiter.take(claimRateKey(deps.address), CLAIM_RATE);
  if (!allowance.allowed) return page(429, { values, error: t('errRateLimited') });

  const match = matchClaimCertificate(catalogue, facility.id, parsed.data.certificate);
  if (match.kind !== 'found') {
    const vars = { number: parsed.data.certificate, facility: facility.name };
    return page(400, {
      values,
      fieldErrors: { certificate: t(match.kind === 'unknown' ? 'errUnknown' : 'errOtherFacility', vars) },
    });
  }
  // A duplicate (the same address already waiting for this facility) gets the same answer.
  await storeClaim(await deps.db(), {
    facilityId: facility.id,
    email: parsed.data.email,
    certificateId: match.certificate.id,
    name: parsed.data.name,
    phone: parsed.data.phone,
  });
  return { kind: 'redirect', location: `${localePath(locale, claimPath(facility.id))}?sent=1` };
}
