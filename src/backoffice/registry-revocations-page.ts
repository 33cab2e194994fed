/**
 * /admin/registry/certificates/ and /admin/registry/certificates/{id}/ (operators): find a
 * certificate by id or printed number in the registry as its files hold it now, see its status
 * as the public verification page computes it, revoke it or reverse a revocation recorded by
 * mistake. The registry capability does the writing (the same code as `npm run revoke`); this
 * parses the address and the forms and says what happened in the page's language.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import type { Catalogue, Certificate, CertificateStatus, Level, Revocation } from '~/catalogue';
import type { AuditRow } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { RegistryBusyError, reverseCertificateRevocation, revokeCertificate } from '~/registry/astro';
import { CertificateLookup, type ReportSubject, RevokeError, reportSubject } from '~/verification';
import { auditPage } from './audit-page';
import { registryRevocationsStrings } from './registry-revocations-strings';

/** Longer text is no id or printed number (ids are at most 120 characters, numbers 60). */
export const MAX_QUERY = 200;
/** How many revoked certificates the search page lists before "and N more". */
export const REVOKED_SHOWN = 50;
/** The forms hold three short fields: anything bigger is not one of them. */
const MAX_POST_BYTES = 16 * 1024;

export interface CertificateRow {
  id: string;
  number: string | null;
  level: Level;
  year: number;
  product: string | null;
  facility: string | null;
  status: CertificateStatus;
  revocation: Revocation | null;
}

export interface CertificatesSearchState {
  q: string;
  /** Null when nothing was asked. */
  matches: CertificateRow[] | null;
  revoked: { rows: CertificateRow[]; more: number };
  error?: string;
  status: number;
}

function rowOf(catalogue: Catalogue, c: Certificate, today: string): CertificateRow {
  return {
    id: c.id,
    number: c.number ?? null,
    level: c.level,
    year: c.year,
    product: catalogue.productById.get(c.productId)?.name ?? null,
    facility: catalogue.facilityById.get(c.facilityId)?.name ?? null,
    status: catalogue.statusOf(c, today).status,
    revocation: c.revocation ?? null,
  };
}

/** The search page: the certificates `?q=` names (by id or printed number), and those revoked. */
export function certificatesSearchState(
  url: URL,
  catalogue: Catalogue,
  today: string,
  locale: Locale,
): CertificatesSearchState {
  const t = registryRevocationsStrings(locale);
  const q = (url.searchParams.get('q') ?? '').trim();
  const revokedAll = catalogue.data.certificates
    .filter((c) => c.revocation)
    .sort((a, b) =>
      a.revocation!.date < b.revocation!.date ? 1 : a.revocation!.date > b.revocation!.date ? -1 : 0,
    );
  const revoked = {
    rows: revokedAll.slice(0, REVOKED_SHOWN).map((c) => rowOf(catalogue, c, today)),
    more: Math.max(0, revokedAll.length - REVOKED_SHOWN),
  };
  if (q.length > MAX_QUERY) {
    return { q: '', matches: null, revoked, error: t('errQuery', { max: MAX_QUERY }), status: 400 };
  }
  const matches = q
    ? new CertificateLookup(catalogue.data.certificates).find(q).map((c) => rowOf(catalogue, c, today))
    : null;
  return { q, matches, revoked, status: 200 };
}

/** What the forms held, to show them again after a refusal. */
export interface RevocationForms {
  revoke: { date: string; reason: string; decision: string; replace: boolean };
  reverse: { reason: string };
}

export interface CertificateDetailState {
  certificate: Certificate;
  subject: ReportSubject;
  history: AuditRow[];
  forms: RevocationForms;
  notice?: string;
  error?: string;
  /** Which form the error is about, so the view puts it there. */
  errorFor?: 'revoke' | 'unrevoke';
}

export type CertificateDetailOutcome =
  | { kind: 'page'; state: CertificateDetailState; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

export interface CertificatePageDeps {
  db: Database;
  /** The registry as its files hold it now (currentCatalogue). */
  catalogue: () => Promise<Catalogue>;
  today: () => string;
  /** The content folder written to (default CONTENT_DIR). */
  contentDir?: string;
}

const text = (max: number) => z.string().max(max).default('');
const formSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('revoke'),
    date: text(40),
    reason: text(2000),
    decision: text(400),
    replace: z.literal('1').optional(),
  }),
  z.object({ action: z.literal('unrevoke'), reason: text(2000) }),
]);

const EMPTY_FORMS: RevocationForms = {
  revoke: { date: '', reason: '', decision: '', replace: false },
  reverse: { reason: '' },
};

/** A refusal of the shared rules, in the page's language. */
function problemText(error: RevokeError, locale: Locale): { message: string; status: number } {
  const t = registryRevocationsStrings(locale);
  const p = error.problem;
  switch (p.code) {
    case 'unknown_certificate':
      return { message: t('errUnknown', { text: p.text }), status: 404 };
    case 'ambiguous_number':
      return { message: t('errAmbiguous', { text: p.text, ids: p.ids.join(', ') }), status: 400 };
    case 'invalid': {
      const words = { date: t('errDate'), reason: t('errReason'), decision: t('errDecision') };
      return { message: p.fields.map((f) => words[f]).join(' '), status: 400 };
    }
    case 'before_issue':
      return {
        message: t('errBeforeIssue', {
          date: formatDate(p.date, locale),
          start: formatDate(p.start, locale),
        }),
        status: 400,
      };
    case 'already_revoked':
      return {
        message: t('errAlreadyRevoked', {
          date: formatDate(p.previous.date, locale),
          reason: p.previous.reason,
        }),
        status: 409,
      };
  }
}

type Posted =
  | { location: string }
  | { error: string; status: number; errorFor?: 'revoke' | 'unrevoke'; forms: RevocationForms };

async function post(
  deps: CertificatePageDeps,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  id: string,
): Promise<Posted> {
  const t = registryRevocationsStrings(locale);
  let raw: Record<string, string>;
  try {
    const form = await limitedFormData(request, MAX_POST_BYTES);
    raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  } catch (error) {
    return { error: t('errForm'), status: error instanceof BodyTooLarge ? 413 : 400, forms: EMPTY_FORMS };
  }
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) return { error: t('errForm'), status: 400, forms: EMPTY_FORMS };
  const form = parsed.data;
  const forms: RevocationForms =
    form.action === 'revoke'
      ? {
          ...EMPTY_FORMS,
          revoke: {
            date: form.date,
            reason: form.reason,
            decision: form.decision,
            replace: form.replace === '1',
          },
        }
      : { ...EMPTY_FORMS, reverse: { reason: form.reason } };
  const here = new URL(request.url).pathname;
  const options = deps.contentDir ? { dir: deps.contentDir } : {};
  try {
    if (form.action === 'revoke') {
      const done = await revokeCertificate(
        deps.db,
        actorOf(principal),
        {
          certificate: id,
          date: form.date.trim(),
          reason: form.reason,
          decision: form.decision,
          replace: form.replace === '1',
        },
        options,
      );
      return { location: `${here}?saved=${done.kind === 'revoked' ? 'revoked' : 'unchanged'}` };
    }
    const done = await reverseCertificateRevocation(
      deps.db,
      actorOf(principal),
      { certificate: id, reason: form.reason },
      options,
    );
    if (done.kind === 'unchanged')
      return { error: t('errNotRevoked'), status: 409, errorFor: form.action, forms };
    return { location: `${here}?saved=reversed` };
  } catch (error) {
    if (error instanceof RevokeError) {
      const { message, status } = problemText(error, locale);
      return { error: message, status, errorFor: form.action, forms };
    }
    if (error instanceof RegistryBusyError)
      return { error: t('errBusy'), status: 503, errorFor: form.action, forms };
    throw error;
  }
}

/**
 * GET shows certificate `id`; POST revokes it or reverses its revocation, then redirects back
 * (so a reload never posts twice) with a message; a refusal shows the page again with the
 * error and what was typed.
 */
export async function certificateDetailState(
  deps: CertificatePageDeps,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  id: string,
): Promise<CertificateDetailOutcome> {
  const t = registryRevocationsStrings(locale);
  if (id.length > MAX_QUERY) return { kind: 'not_found' };
  let refused: Exclude<Posted, { location: string }> | undefined;
  if (request.method === 'POST') {
    if (!(await deps.catalogue()).certificateById.has(id)) return { kind: 'not_found' };
    const posted = await post(deps, request, locale, principal, id);
    if ('location' in posted) return { kind: 'redirect', location: posted.location };
    refused = posted;
  }
  const catalogue = await deps.catalogue();
  const subject = reportSubject(catalogue, id, deps.today(), locale);
  if (!subject) return { kind: 'not_found' };
  const history = await auditPage(deps.db, { targetType: 'certificate', targetId: id });
  const saved = new URL(request.url).searchParams.get('saved');
  const notices: Record<string, string> = {
    revoked: t('savedRevoked'),
    reversed: t('savedReversed'),
    unchanged: t('savedUnchanged'),
  };
  const notice =
    request.method === 'GET' && saved && Object.hasOwn(notices, saved) ? notices[saved] : undefined;
  const state: CertificateDetailState = {
    certificate: catalogue.certificateById.get(id)!,
    subject,
    history: history.rows,
    forms: refused?.forms ?? EMPTY_FORMS,
    ...(notice ? { notice } : {}),
    ...(refused ? { error: refused.error } : {}),
    ...(refused?.errorFor ? { errorFor: refused.errorFor } : {}),
  };
  return { kind: 'page', state, status: refused?.status ?? 200 };
}
