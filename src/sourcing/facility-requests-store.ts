/**
 * One facility's quote requests for the facility portal's inbox: counts per status and a page
 * of them, newest first, narrowed by status and by what was typed (a reference, part of the
 * company's or the contact's name, a tax code, a phone number).
 */
import { and, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { foldedContains } from '~/db/folded-match';
import {
  QUOTE_REQUEST_STATUSES,
  type QuoteRequestStatus,
  quoteRequestItems,
  quoteRequests,
  quotes,
} from './db-schema';

export const FACILITY_REQUESTS_PAGE_SIZE = 50;

export interface FacilityRequestQuery {
  status?: QuoteRequestStatus;
  text?: string;
  /** 1-based. */
  page?: number;
}

export interface FacilityRequestRow {
  requestId: number;
  reference: string;
  createdAt: Date;
  status: QuoteRequestStatus;
  companyName: string;
  contactName: string;
  phone: string;
  province: string;
  targetDate: string | null;
  itemCount: number;
  answeredAt: Date | null;
}

export interface FacilityRequestPage {
  rows: FacilityRequestRow[];
  total: number;
}

/** What the search box holds, as a condition. */
export function requestTextCondition(text: string): SQL | undefined {
  const typed = text.trim().slice(0, 200);
  if (typed === '') return undefined;
  const digits = typed.replace(/[\s.\-()+]/g, '');
  const conditions = [
    foldedContains(quotes.reference, typed),
    foldedContains(quotes.companyName, typed),
    foldedContains(quotes.contactName, typed),
  ];
  // A phone number or tax code as typed any way: compared digits to digits.
  if (/^\d{3,}$/.test(digits))
    conditions.push(
      sql`regexp_replace(${quotes.phone}, '[^0-9]', '', 'g') LIKE ${`%${digits}%`}`,
      sql`regexp_replace(${quotes.taxCode}, '[^0-9]', '', 'g') LIKE ${`%${digits}%`}`,
    );
  return or(...conditions)!;
}

export async function facilityRequestCounts(
  db: Database,
  facilityId: string,
): Promise<Record<QuoteRequestStatus, number>> {
  const rows = await db
    .select({ status: quoteRequests.status, n: count() })
    .from(quoteRequests)
    .where(eq(quoteRequests.facilityId, facilityId))
    .groupBy(quoteRequests.status);
  const counts = Object.fromEntries(QUOTE_REQUEST_STATUSES.map((s) => [s, 0])) as Record<
    QuoteRequestStatus,
    number
  >;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export async function listFacilityRequests(
  db: Database,
  facilityId: string,
  query: FacilityRequestQuery = {},
): Promise<FacilityRequestPage> {
  const where = [eq(quoteRequests.facilityId, facilityId)];
  if (query.status) where.push(eq(quoteRequests.status, query.status));
  const text = query.text ? requestTextCondition(query.text) : undefined;
  if (text) where.push(text);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const [totalRow] = await db
    .select({ n: count() })
    .from(quoteRequests)
    .innerJoin(quotes, eq(quotes.id, quoteRequests.quoteId))
    .where(and(...where));
  const rows = await db
    .select({
      requestId: quoteRequests.id,
      reference: quotes.reference,
      createdAt: quotes.createdAt,
      status: quoteRequests.status,
      companyName: quotes.companyName,
      contactName: quotes.contactName,
      phone: quotes.phone,
      province: quotes.province,
      targetDate: quotes.targetDate,
      itemCount: sql<number>`(select count(*) from ${quoteRequestItems} where ${quoteRequestItems.requestId} = ${quoteRequests.id})::int`,
      answeredAt: quoteRequests.answeredAt,
    })
    .from(quoteRequests)
    .innerJoin(quotes, eq(quotes.id, quoteRequests.quoteId))
    .where(and(...where))
    .orderBy(desc(quotes.createdAt), desc(quoteRequests.id))
    .limit(FACILITY_REQUESTS_PAGE_SIZE)
    .offset((page - 1) * FACILITY_REQUESTS_PAGE_SIZE);
  return {
    rows: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount) })),
    total: Number(totalRow?.n ?? 0),
  };
}
