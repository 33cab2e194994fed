/**
 * The server's side of verification: the build's catalogue with live revocations, the badge
 * keys from configuration, the reports table. Only on-demand routes import this (it reaches
 * astro:content through getCatalogue); everything it wires is pure and tested on its own.
 */
import path from 'node:path';
import type { Catalogue } from '~/catalogue';
import { todayInVietnam } from '~/catalogue';
import { CONTENT_FILES, contentDir, getCatalogue } from '~/catalogue/astro';
import { database } from '~/db/client';
import { livePhotosOf, withLiveListings } from '~/listings/astro';
import { clientAddress } from '~/security/client-address';
import { serverRateLimiter } from '~/security/server-limiter';
import { serverKeyring } from './keyring';
import { LiveRevocations } from './live-revocations';
import type { ReportDeps } from './report-api';
import { databaseReportStore } from './report-store';
import type { VerifyDeps } from './verify-api';

let live: LiveRevocations | undefined;

/**
 * The catalogue as built, with the revocations content/registry/certificates.json holds now and
 * the listings facilities saved (src/listings/): what every on-demand route sells and verifies.
 */
export async function liveCatalogue(): Promise<Catalogue> {
  live ??= new LiveRevocations(path.join(contentDir(), CONTENT_FILES.certificates));
  return withLiveListings(await live.apply(await getCatalogue()));
}

export const verifyDeps: VerifyDeps = {
  catalogue: liveCatalogue,
  verifiers: () => serverKeyring().verifiers,
  today: () => todayInVietnam(),
  photos: livePhotosOf,
};

export function reportDeps(request: Request, fallbackAddress: string | undefined): ReportDeps {
  return {
    catalogue: liveCatalogue,
    verifiers: () => serverKeyring().verifiers,
    store: async () => databaseReportStore((await database()).db),
    // The server's one limiter: the API and the form share the budget.
    limiter: serverRateLimiter(),
    address: clientAddress(request, fallbackAddress),
  };
}
export { REPORT_OUTCOMES, REPORT_STATUSES, type ReportOutcome, type ReportStatus } from './db-schema';
export type { VerificationRecord } from './public-record';
export {
  listReports,
  REPORT_SORTS,
  type ReportListItem,
  type ReportListPage,
  type ReportSort,
} from './report-list-store';
export { newReportCount } from './report-queue';
export { type ReportSubject, reportSubject } from './report-subject';
export { canMoveReport, nextReportStatuses, OPEN_REPORT_STATUSES } from './report-transitions';
export {
  addReportNote,
  MAX_NOTE_LENGTH,
  type MoveOutcome,
  moveReport,
  type ReportDetail,
  reportDetail,
} from './report-triage-store';
