/**
 * POST /api/reports (JSON) and the no-JavaScript report form: validation, rate limit, storage.
 * The route and the page only wire the server's catalogue, keys, store and client address in.
 */
import type { KeyObject } from 'node:crypto';
import type { Catalogue } from '~/catalogue';
import { json, parseJsonBody, rateLimited } from '~/http/json';
import type { RateLimiter } from '~/security/rate-limit';
import {
  REPORT_RATE,
  type ReportField,
  type ReportInput,
  type ReportStore,
  reportRateKey,
  reportSchema,
  submitReport,
} from './reports';

export interface ReportDeps {
  catalogue(): Promise<Catalogue>;
  verifiers(): ReadonlyMap<string, KeyObject>;
  store(): Promise<ReportStore>;
  limiter: RateLimiter;
  /** The client's address, for the rate limit. */
  address: string;
}

export async function handleReportPost(request: Request, deps: ReportDeps): Promise<Response> {
  const allowance = await deps.limiter.take(reportRateKey(deps.address), REPORT_RATE);
  if (!allowance.allowed) return rateLimited('reports from this address', allowance.retryAfterSeconds);
  const parsed = await parseJsonBody(request, reportSchema);
  if (!parsed.ok) return parsed.response;
  const result = await submitReport(parsed.data, {
    catalogue: await deps.catalogue(),
    verifiers: deps.verifiers(),
    store: await deps.store(),
  });
  return json(result, 201);
}

export type FormOutcome =
  | { kind: 'sent'; id: number }
  | { kind: 'invalid'; invalid: ReportField[]; values: Partial<Record<ReportField, string>> }
  | { kind: 'rate_limited'; values: Partial<Record<ReportField, string>> };

const FIELDS: readonly ReportField[] = ['code', 'place', 'details', 'contact'];

/** The report form posted without JavaScript (application/x-www-form-urlencoded or multipart). */
export async function handleReportForm(
  form: FormData,
  locale: ReportInput['locale'],
  deps: ReportDeps,
): Promise<FormOutcome> {
  const values: Partial<Record<ReportField, string>> = {};
  for (const f of FIELDS) {
    const v = form.get(f);
    if (typeof v === 'string') values[f] = v;
  }
  const parsed = reportSchema.safeParse({ ...values, locale });
  if (!parsed.success) {
    const invalid = FIELDS.filter((f) => parsed.error.issues.some((i) => i.path[0] === f));
    return { kind: 'invalid', invalid, values };
  }
  if (!(await deps.limiter.take(reportRateKey(deps.address), REPORT_RATE)).allowed)
    return { kind: 'rate_limited', values };
  const { id } = await submitReport(parsed.data, {
    catalogue: await deps.catalogue(),
    verifiers: deps.verifiers(),
    store: await deps.store(),
  });
  return { kind: 'sent', id };
}
