/**
 * Reports of suspected counterfeit badges: POST /api/reports (JSON) and the no-JavaScript
 * form on the verification pages share this. The server decides the outcome from the code
 * itself; reports are rate-limited per client address and stored in counterfeit_reports.
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Catalogue } from '~/catalogue';
import { LOCALES } from '~/i18n/locales';
import type { RateLimitRule } from '~/security/rate-limit';
import { MAX_CODE_LENGTH } from './certificate-index';
import type { ReportOutcome } from './db-schema';
import { resolveCode } from './resolve-code';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((s) => (s === '' ? undefined : s));

export const reportSchema = z.object({
  code: z
    .string({ required_error: 'the code on the badge is required' })
    .trim()
    .min(1, 'the code on the badge is required')
    .max(MAX_CODE_LENGTH, `at most ${MAX_CODE_LENGTH} characters`),
  /** Where the product was bought or seen. */
  place: optionalText(200),
  details: optionalText(2000),
  /** Phone or e-mail, if the person wants to be contacted. */
  contact: optionalText(200),
  locale: z.enum(LOCALES).default('vi'),
});

export type ReportInput = z.infer<typeof reportSchema>;
export type ReportField = 'code' | 'place' | 'details' | 'contact';

export interface NewReport {
  code: string;
  outcome: ReportOutcome;
  certificateId: string | null;
  place: string | null;
  details: string | null;
  contact: string | null;
  locale: ReportInput['locale'];
}

export interface ReportStore {
  insert(report: NewReport): Promise<{ id: number }>;
}

export const REPORT_RATE: RateLimitRule = { limit: 5, windowMs: 10 * 60_000 };

export function reportRateKey(address: string): string {
  return `reports:ip:${address}`;
}

export function reportOutcome(code: string, catalogue: Catalogue, verifiers: ReadonlyMap<string, KeyObject>) {
  const found = resolveCode(code, catalogue, verifiers);
  const outcome: ReportOutcome =
    found.kind === 'bad_signature' ? 'bad_signature' : found.kind === 'found' ? 'genuine_code' : 'not_found';
  return { outcome, certificateId: found.kind === 'found' ? found.certificate.id : null };
}

export async function submitReport(
  input: ReportInput,
  deps: { catalogue: Catalogue; verifiers: ReadonlyMap<string, KeyObject>; store: ReportStore },
): Promise<{ id: number; outcome: ReportOutcome }> {
  const { outcome, certificateId } = reportOutcome(input.code, deps.catalogue, deps.verifiers);
  const { id } = await deps.store.insert({
    code: input.code,
    outcome,
    certificateId,
    place: input.place ?? null,
    details: input.details ?? null,
    contact: input.contact ?? null,
    locale: input.locale,
  });
  return { id, outcome };
}
