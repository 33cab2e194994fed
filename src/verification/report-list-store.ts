/**
 * The console's list of counterfeit reports: filtered by status, newest first or grouped by
 * the most reported certificates, each with how many reports name its certificate (all of
 * them, whatever their status: a certificate reported for the tenth time stands out even when
 * nine were closed). Keyset pages (the cursor is the last row's sort key), so the hundredth
 * page costs what the first does; the per-certificate counts use the partial index of 0202.
 */
import { and, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '~/db/client';
import { counterfeitReports, type ReportOutcome, type ReportStatus } from './db-schema';

export const REPORT_PAGE_SIZE = 50;

/** newest: by time of the report; most_reported: certificates with the most reports first. */
export const REPORT_SORTS = ['newest', 'most_reported'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface ReportListFilter {
  /** Empty: every status. */
  statuses: readonly ReportStatus[];
  sort: ReportSort;
  /** Only the reports naming this certificate. */
  certificateId?: string | undefined;
  /** The cursor of the page before (ReportListPage.next). */
  after?: string | undefined;
  limit?: number;
}

export interface ReportListItem {
  id: number;
  code: string;
  outcome: ReportOutcome;
  certificateId: string | null;
  place: string | null;
  status: ReportStatus;
  createdAt: Date;
  /** Reports naming the same certificate (this one included); null without a certificate. */
  certificateReports: number | null;
}

export interface ReportListPage {
  rows: ReportListItem[];
  /** The cursor of the next page, when there is one. */
  next?: string;
}

// Cursors travel in the address: [created_at (exact, as text), id] or [count, certificate, id].
const newestCursor = z.tuple([z.string().max(40), z.number().int().positive()]);
const mostReportedCursor = z.tuple([
  z.number().int().positive(),
  z.string().max(200),
  z.number().int().positive(),
]);

function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const r = counterfeitReports;
const columns = {
  id: r.id,
  code: r.code,
  outcome: r.outcome,
  certificateId: r.certificateId,
  place: r.place,
  status: r.status,
  createdAt: r.createdAt,
};
// Microseconds matter: a JavaScript Date would cut them, and rows between the cut and the
// true time would be skipped by the next page.
const exactCreatedAt = sql<string>`to_char(${r.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listReports(db: Database, filter: ReportListFilter): Promise<ReportListPage> {
  const limit = filter.limit ?? REPORT_PAGE_SIZE;
  const where: SQL[] = filter.statuses.length ? [inArray(r.status, [...filter.statuses])] : [];
  if (filter.certificateId) where.push(eq(r.certificateId, filter.certificateId));
  if (filter.sort === 'most_reported') return mostReported(db, where, filter.after, limit);

  const after = decodeCursor(filter.after, newestCursor);
  if (after) where.push(sql`(${r.createdAt}, ${r.id}) < (${after[0]}::timestamptz, ${after[1]})`);
  const rows = await db
    .select({
      ...columns,
      at: exactCreatedAt,
      // Spelled out: drizzle would print the outer column unqualified, and inside the
      // subquery that name means the inner row.
      certificateReports: sql<
        number | null
      >`CASE WHEN counterfeit_reports.certificate_id IS NOT NULL THEN (SELECT count(*)::int FROM counterfeit_reports same WHERE same.certificate_id = counterfeit_reports.certificate_id) END`,
    })
    .from(r)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (last) => [last.at, last.id]);
}

/** Only reports that name a certificate, grouped by it, the most reported certificates first. */
async function mostReported(
  db: Database,
  where: SQL[],
  cursor: string | undefined,
  limit: number,
): Promise<ReportListPage> {
  const counts = db
    .select({ certificateId: r.certificateId, n: sql<number>`count(*)::int`.as('n') })
    .from(r)
    .where(isNotNull(r.certificateId))
    .groupBy(r.certificateId)
    .as('counts');
  const after = decodeCursor(cursor, mostReportedCursor);
  if (after)
    where.push(sql`(${counts.n}, ${r.certificateId}, ${r.id}) < (${after[0]}, ${after[1]}, ${after[2]})`);
  const rows = await db
    .select({ ...columns, certificateReports: counts.n })
    .from(r)
    .innerJoin(counts, sql`${counts.certificateId} = ${r.certificateId}`)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(counts.n), desc(r.certificateId), desc(r.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (last) => [last.certificateReports, last.certificateId ?? '', last.id]);
}

function pageOf<T extends ReportListItem>(
  rows: T[],
  limit: number,
  keyOf: (last: T) => (string | number)[],
): ReportListPage {
  const page = rows.slice(0, limit);
  const items = page.map(
    ({ id, code, outcome, certificateId, place, status, createdAt, certificateReports }): ReportListItem => ({
      id,
      code,
      outcome,
      certificateId,
      place,
      status,
      createdAt,
      certificateReports,
    }),
  );
  return rows.length > limit
    ? { rows: items, next: encodeCursor(keyOf(page[page.length - 1]!)) }
    : { rows: items };
}
