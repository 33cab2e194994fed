/**
 * The page where a facility answers a quote request: behind its signed link
 * (/wholesale/answer/{token}/, the token names the request) or in the facility portal's inbox
 * (a signed-in person acting for the facility). One handler for both: GET shows the request, a
 * POST of the answer form (./answer-form.ts) stores the answer once (./quote-service.ts) and
 * redirects (post/redirect/get), keeping the address's query.
 */
import type { Database } from '~/db/client';
import { todayInVietnam } from '~/i18n/today';
import { parseAnswerForm } from './answer-form';
import {
  answerFacilityRequest,
  type FacilityRequestView,
  loadFacilityRequest,
  type QuoteContext,
  type RequestActor,
} from './quote-service';
import type { SourcingStringKey } from './strings';

export type AnswerPageState =
  /** No such request (for this facility). */
  | { kind: 'invalid' }
  | { kind: 'redirect'; location: string; saved: boolean }
  | {
      kind: 'view';
      status: number;
      view: FacilityRequestView;
      errors: Record<string, SourcingStringKey>;
      values: Record<string, string>;
      /** Just answered (the redirect's ?saved=1). */
      saved: boolean;
    };

/** Which request, and (in the portal) for which facility and person. */
export interface RequestIdentity {
  requestId: number;
  by?: RequestActor;
}

async function load(db: Database, who: RequestIdentity): Promise<FacilityRequestView | undefined> {
  const view = await loadFacilityRequest(db, who.requestId);
  // Another facility's request is not there at all, whether it exists or not.
  return view && (!who.by || view.request.facilityId === who.by.facilityId) ? view : undefined;
}

export async function answerPageState(
  db: Database,
  who: RequestIdentity,
  request: Request,
  ctx: QuoteContext,
): Promise<AnswerPageState> {
  const url = new URL(request.url);
  const view = await load(db, who);
  if (!view) return { kind: 'invalid' };
  const page = { kind: 'view' as const, status: 200, view, errors: {}, values: {} };
  if (view.request.status !== 'pending' || request.method !== 'POST')
    return { ...page, saved: url.searchParams.get('saved') === '1' };

  const parsed = parseAnswerForm(
    await request.formData(),
    view.request.items.map((i) => i.id),
    todayInVietnam(ctx.now),
  );
  if (!parsed.ok) return { ...page, status: 400, errors: parsed.errors, values: parsed.values, saved: false };
  const result = await answerFacilityRequest(db, view.request.id, parsed.answer, ctx, who.by);
  // A request answered meanwhile (another tab, another member) shows as already answered.
  const back = new URLSearchParams(url.search);
  back.delete('saved');
  if (result === 'saved') back.set('saved', '1');
  const query = back.toString();
  return {
    kind: 'redirect',
    location: query ? `${url.pathname}?${query}` : url.pathname,
    saved: result === 'saved',
  };
}
