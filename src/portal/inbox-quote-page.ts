/**
 * /facility/inbox/quotes/{requestId}/: one of the facility's quote requests, answered (prices
 * per line, quantities, lead times, a message) or declined by the very code of the signed
 * link's page (sourcing's answerPageState and answerFacilityRequest), here for the signed-in
 * person: the request must be the context's facility's (else 404, nothing read or changed),
 * and the answer is audited under the person.
 */
import { actorOf } from '~/accounts/astro';
import type { Catalogue } from '~/catalogue';
import type { Database } from '~/db/client';
import { type AnswerPageState, answerPageState } from '~/sourcing/astro';
import { readRowId } from './inbox-order-page';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';

export type InboxQuoteOutcome =
  | {
      kind: 'page';
      context: PortalContext;
      status: number;
      state: Extract<AnswerPageState, { kind: 'view' }> | null;
    }
  | { kind: 'redirect'; location: string; saved: boolean };

export interface InboxQuoteDeps {
  /** Absolute base of the links in the buyer's e-mail (PUBLIC_SITE_URL). */
  siteUrl: string;
  now?: Date;
}

export async function inboxQuotePageState(
  db: Database,
  request: Request,
  principal: PortalPrincipal,
  catalogue: Catalogue,
  requestParam: string | undefined,
  deps: InboxQuoteDeps,
): Promise<InboxQuoteOutcome> {
  const context = portalContext(principal, new URL(request.url), catalogue);
  if (context.kind !== 'facility')
    return { kind: 'page', context, status: portalStatus(context), state: null };
  const requestId = readRowId(requestParam);
  if (requestId === null) return { kind: 'page', context, status: 404, state: null };
  const state = await answerPageState(
    db,
    { requestId, by: { facilityId: context.facility.id, actor: actorOf(principal) } },
    request,
    { siteUrl: deps.siteUrl, now: deps.now ?? new Date() },
  );
  if (state.kind === 'redirect') return state;
  if (state.kind === 'invalid') return { kind: 'page', context, status: 404, state: null };
  return { kind: 'page', context, status: state.status, state };
}
