/**
 * /admin/reports/ and /admin/reports/{id}/ (operators): the counterfeit reports to triage and
 * one report beside the certificate it names. Verification owns the reports, their
 * transitions and the certificate's status; this parses the address and the forms, and says
 * what happened in the page's language.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import type { AuditRow } from '~/db/audit-log';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import {
  addReportNote,
  listReports,
  MAX_NOTE_LENGTH,
  moveReport,
  nextReportStatuses,
  OPEN_REPORT_STATUSES,
  REPORT_SORTS,
  REPORT_STATUSES,
  type ReportDetail,
  type ReportListPage,
  type ReportStatus,
  type ReportSubject,
  reportDetail,
} from '~/verification/astro';
import { auditPage } from './audit-page';
import { reportsStrings } from './reports-strings';

export const STATUS_CHOICES = ['open', 'all', ...REPORT_STATUSES] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

const querySchema = z.object({
  status: z.enum(STATUS_CHOICES).catch('open'),
  sort: z.enum(REPORT_SORTS).catch('newest'),
  certificate: z.string().trim().min(1).max(200).optional().catch(undefined),
  after: z.string().max(400).optional().catch(undefined),
});
export type ReportsQuery = z.infer<typeof querySchema>;

export function reportsQuery(url: URL): ReportsQuery {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''));
  return querySchema.parse(raw);
}

export async function reportsListState(db: Database, query: ReportsQuery): Promise<ReportListPage> {
  const statuses: readonly ReportStatus[] =
    query.status === 'open' ? OPEN_REPORT_STATUSES : query.status === 'all' ? [] : [query.status];
  return listReports(db, {
    statuses,
    sort: query.sort,
    certificateId: query.certificate,
    after: query.after,
  });
}

/** The address of the list with `query`, `after` replaced (undefined: the first page). */
export function reportsListHref(query: ReportsQuery, after?: string): string {
  const params = new URLSearchParams();
  if (query.status !== 'open') params.set('status', query.status);
  if (query.sort !== 'newest') params.set('sort', query.sort);
  if (query.certificate) params.set('certificate', query.certificate);
  if (after) params.set('after', after);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export interface ReportDetailState {
  detail: ReportDetail;
  subject: ReportSubject | null;
  moves: readonly ReportStatus[];
  history: AuditRow[];
  notice?: string;
  error?: string;
}

export type ReportDetailOutcome =
  | { kind: 'page'; state: ReportDetailState; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

const formSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('status'), from: z.enum(REPORT_STATUSES), to: z.enum(REPORT_STATUSES) }),
  z.object({ action: z.literal('note'), body: z.string().trim().min(1).max(MAX_NOTE_LENGTH) }),
]);

/**
 * GET shows report `id`; POST changes its status or adds a note, then redirects back (so a
 * reload never adds the note twice). `subjectOf` looks the certificate up in the live
 * catalogue (the page wires it; tests can pass a fixed catalogue).
 */
export async function reportDetailState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  id: number,
  subjectOf: (certificateId: string | null) => Promise<ReportSubject | null>,
): Promise<ReportDetailOutcome> {
  const t = reportsStrings(locale);
  const name = (s: ReportStatus) => t(`status_${s}`);
  let error: string | undefined;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const form = formSchema.safeParse(raw);
    const here = new URL(request.url).pathname;
    if (!form.success) error = raw.action === 'note' ? t('errNote', { max: MAX_NOTE_LENGTH }) : t('errForm');
    else if (form.data.action === 'status') {
      const moved = await moveReport(db, actorOf(principal), {
        id,
        expected: form.data.from,
        to: form.data.to,
      });
      if (moved.kind === 'not_found') return { kind: 'not_found' };
      if (moved.kind === 'moved') return { kind: 'redirect', location: `${here}?saved=status` };
      error =
        moved.kind === 'stale'
          ? t('errStale', { status: name(moved.current) })
          : t('errRefused', { from: name(moved.from), to: name(moved.to) });
    } else {
      const added = await addReportNote(db, actorOf(principal), { id, body: form.data.body });
      if (added.kind === 'not_found') return { kind: 'not_found' };
      return { kind: 'redirect', location: `${here}?saved=note` };
    }
  }
  const detail = await reportDetail(db, id);
  if (!detail) return { kind: 'not_found' };
  const [subject, audit] = await Promise.all([
    subjectOf(detail.report.certificateId),
    auditPage(db, { targetType: 'report', targetId: String(id) }),
  ]);
  const saved = new URL(request.url).searchParams.get('saved');
  const notice =
    request.method === 'GET' && saved === 'status'
      ? t('savedStatus', { status: name(detail.report.status) })
      : request.method === 'GET' && saved === 'note'
        ? t('savedNote')
        : undefined;
  const state: ReportDetailState = {
    detail,
    subject,
    moves: nextReportStatuses(detail.report.status),
    history: audit.rows,
    ...(notice ? { notice } : {}),
    ...(error ? { error } : {}),
  };
  return { kind: 'page', state, status: error ? 400 : 200 };
}
