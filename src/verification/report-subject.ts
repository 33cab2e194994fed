/**
 * What a counterfeit report is about, as the register says today: the certificate it names,
 * its product and facility, and its status in the words the public verification page uses
 * (the same record and verdict, so the operator and the buyer never read different answers).
 */
import type { Catalogue } from '~/catalogue';
import type { Locale } from '~/i18n/locales';
import { type VerificationRecord, verificationRecord } from './public-record';
import { describeVerdict, type VerdictView } from './verdict';

export interface ReportSubject {
  record: VerificationRecord;
  verdict: VerdictView;
}

/** Null when the certificate is no longer in the register (or the report names none). */
export function reportSubject(
  catalogue: Catalogue,
  certificateId: string | null,
  asOf: string,
  locale: Locale,
): ReportSubject | null {
  const certificate = certificateId ? catalogue.certificateById.get(certificateId) : undefined;
  if (!certificate) return null;
  const record = verificationRecord(catalogue, certificate, asOf);
  return { record, verdict: describeVerdict(record, locale) };
}
