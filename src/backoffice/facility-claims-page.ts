/**
 * /admin/facility-claims/ (operators): "Are you this facility?" requests, pending first, each
 * beside the facility and the certificate it names; approve (the person is invited as a member)
 * or refuse with a reason (e-mailed). The portal owns the claims and their decisions; this
 * parses the form and says what happened, then redirects so a reload never decides twice.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import type { Catalogue, Level } from '~/catalogue';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { kickDelivery } from '~/notifications/astro';
import { decideClaim, type FacilityClaimRow, listClaims, refusalSchema } from '~/portal/astro';
import { facilityClaimsStrings } from './facility-claims-strings';

/** A claim as the console shows it: with the registry's names, or null when gone from it. */
export interface ClaimView {
  claim: FacilityClaimRow;
  facilityName: string | null;
  certificate: { id: string; number: string | null; level: Level; year: number; revoked: boolean } | null;
}

export interface FacilityClaimsState {
  pending: ClaimView[];
  decided: ClaimView[];
  notice?: string;
  error?: string;
}

export type FacilityClaimsOutcome =
  | { kind: 'page'; state: FacilityClaimsState; status: number }
  | { kind: 'redirect'; location: string };

const formSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), id: z.coerce.number().int().positive() }),
  z.object({ action: z.literal('refuse'), id: z.coerce.number().int().positive(), reason: refusalSchema }),
]);

const SAVED = ['approved', 'refused'] as const;

function viewOf(catalogue: Catalogue, claim: FacilityClaimRow): ClaimView {
  const c = catalogue.certificateById.get(claim.certificateId);
  return {
    claim,
    facilityName: catalogue.facilityById.get(claim.facilityId)?.name ?? null,
    certificate: c
      ? {
          id: c.id,
          number: c.number ?? null,
          level: c.level,
          year: c.year,
          revoked: c.revocation !== undefined,
        }
      : null,
  };
}

export async function facilityClaimsPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  catalogue: Catalogue,
): Promise<FacilityClaimsOutcome> {
  const t = facilityClaimsStrings(locale);
  const url = new URL(request.url);
  let error: string | undefined;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const form = formSchema.safeParse(raw);
    if (!form.success) error = t(raw.action === 'refuse' ? 'errReason' : 'errForm');
    else {
      const { id } = form.data;
      const outcome = await decideClaim(
        db,
        actorOf(principal),
        id,
        form.data.action === 'approve' ? { kind: 'approve' } : { kind: 'refuse', reason: form.data.reason },
        (facilityId) => catalogue.facilityById.get(facilityId)?.name,
      );
      if (outcome.kind === 'decided') {
        // The invitation or the refusal is in the outbox once committed: send it now, not at the next sweep.
        kickDelivery();
        return { kind: 'redirect', location: `${url.pathname}?saved=${outcome.claim.status}&id=${id}` };
      }
      error =
        outcome.kind === 'not_found'
          ? t('errNotFound', { id })
          : outcome.kind === 'facility_gone'
            ? t('errFacilityGone', { id: outcome.facilityId })
            : t('errAlready', { id, status: t(`status_${outcome.status}`) });
    }
  }
  const { pending, decided } = await listClaims(db);
  const saved = url.searchParams.get('saved');
  const savedId = url.searchParams.get('id') ?? '';
  const notice =
    request.method === 'GET' &&
    (SAVED as readonly string[]).includes(saved ?? '') &&
    /^\d{1,12}$/.test(savedId)
      ? t(saved === 'approved' ? 'savedApproved' : 'savedRefused', { id: savedId })
      : undefined;
  const state: FacilityClaimsState = {
    pending: pending.map((c) => viewOf(catalogue, c)),
    decided: decided.map((c) => viewOf(catalogue, c)),
    ...(notice ? { notice } : {}),
    ...(error ? { error } : {}),
  };
  return { kind: 'page', state, status: error ? 400 : 200 };
}
