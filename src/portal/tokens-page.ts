/**
 * /facility/tokens/: a facility's API tokens, listed, made and revoked by the people the portal
 * lets see the facility (portalContext: its members, or staff; 403 for anyone else, before the
 * form is even read). A new token is rendered in the answer to the POST that made it and never
 * again (the database holds only its hash), so making does NOT redirect; revoking does
 * (redirect-after-post), and can reach only tokens of the facility on the page.
 */
import { z } from 'zod';
import { actorOf } from '~/accounts/astro';
import type { Catalogue } from '~/catalogue';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { formatDateTime } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { FACILITY_SCOPES, type FacilityScope, TOKEN_ID_SHAPE } from './api-tokens';
import { createFacilityToken, listFacilityTokens, revokeFacilityToken } from './api-tokens-store';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';
import { tokensStrings } from './tokens-strings';

export const TOKEN_LABEL_MAX = 80;
/** A label, a few checkboxes and an id: anything bigger is not this form. */
export const TOKENS_FORM_MAX_BYTES = 4 * 1024;

export interface TokenRow {
  id: string;
  label: string;
  /** Texts of the token's scopes, in the page's language. */
  scopes: string[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokensPageState {
  tokens: TokenRow[];
  /** The token just made: rendered once, in the answer to its POST. */
  created?: { label: string; token: string; scopes: string[] };
  values: { label: string; scopes: FacilityScope[] };
  fieldErrors: { label?: string; scopes?: string };
  notice?: string;
  error?: string;
}

export type TokensPageOutcome =
  | { kind: 'page'; context: PortalContext; status: number; state: TokensPageState | null }
  | { kind: 'redirect'; location: string };

/** The scope's key in tokensStrings ("listings:read" → "scope_listings_read"). */
export const scopeKey = (scope: FacilityScope) =>
  `scope_${scope.replace(':', '_')}` as 'scope_listings_read' | 'scope_listings_write' | 'scope_photos_write';

const createSchema = z.object({
  label: z.string().trim().min(1).max(TOKEN_LABEL_MAX),
  scopes: z.array(z.enum(FACILITY_SCOPES)).min(1),
});
const revokeSchema = z.object({ id: z.string().regex(TOKEN_ID_SHAPE) });

export async function tokensPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: PortalPrincipal,
  catalogue: Catalogue,
): Promise<TokensPageOutcome> {
  const t = tokensStrings(locale);
  const url = new URL(request.url);
  const context = portalContext(principal, url, catalogue);
  // Not this person's facility (or none): nothing is read from the form, nothing written.
  if (context.kind !== 'facility')
    return { kind: 'page', context, status: portalStatus(context), state: null };
  const facilityId = context.facility.id;
  const scopeTexts = (scopes: readonly FacilityScope[]) => scopes.map((s) => t(scopeKey(s)));

  let status = 200;
  const state: TokensPageState = {
    tokens: [],
    values: { label: '', scopes: [...FACILITY_SCOPES] },
    fieldErrors: {},
  };
  if (request.method === 'POST') {
    let form: FormData | undefined;
    try {
      form = await limitedFormData(request, TOKENS_FORM_MAX_BYTES);
    } catch (error) {
      status = error instanceof BodyTooLarge ? 413 : 400;
      state.error = t('errForm');
    }
    const action = form?.get('action');
    if (form && action === 'create') {
      const label = String(form.get('label') ?? '').slice(0, 1000);
      const scopes = form.getAll('scope').map(String);
      state.values = {
        label,
        scopes: FACILITY_SCOPES.filter((s) => scopes.includes(s)),
      };
      const parsed = createSchema.safeParse({ label, scopes });
      if (!parsed.success) {
        status = 400;
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === 'label') state.fieldErrors.label = t('errLabel', { max: TOKEN_LABEL_MAX });
          else state.fieldErrors.scopes = t('errScopes');
        }
      } else {
        const made = await createFacilityToken(db, actorOf(principal), {
          facilityId,
          label: parsed.data.label,
          scopes: parsed.data.scopes,
        });
        state.created = { label: made.label, token: made.token, scopes: scopeTexts(made.scopes) };
        state.values = { label: '', scopes: [...FACILITY_SCOPES] };
        status = 201;
      }
    } else if (form && action === 'revoke') {
      const parsed = revokeSchema.safeParse({ id: form.get('id') });
      const outcome = parsed.success
        ? await revokeFacilityToken(db, actorOf(principal), parsed.data.id, facilityId)
        : ({ kind: 'unknown' } as const);
      if (outcome.kind === 'unknown') {
        status = 404;
        state.error = t('errUnknownToken');
      } else {
        const back = new URLSearchParams(url.search);
        back.set('revoked', outcome.token.id);
        return { kind: 'redirect', location: `${url.pathname}?${back}` };
      }
    } else if (form) {
      status = 400;
      state.error = t('errForm');
    }
  }

  const tokens = await listFacilityTokens(db, facilityId);
  const at = (d: Date) => formatDateTime(d, locale);
  state.tokens = tokens.map((token) => ({
    id: token.id,
    label: token.label,
    scopes: scopeTexts(token.scopes),
    createdAt: at(token.createdAt),
    createdBy: token.createdBy,
    lastUsedAt: token.lastUsedAt ? at(token.lastUsedAt) : null,
    revokedAt: token.revokedAt ? at(token.revokedAt) : null,
  }));
  const revokedId = request.method === 'GET' ? url.searchParams.get('revoked') : null;
  const revoked = revokedId ? tokens.find((token) => token.id === revokedId && token.revokedAt) : undefined;
  if (revoked) state.notice = t('revoked', { label: revoked.label });
  return { kind: 'page', context, status, state };
}
