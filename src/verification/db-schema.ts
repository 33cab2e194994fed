/** Drizzle view of src/db/migrations/0201_counterfeit_reports.sql. */
import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const REPORT_OUTCOMES = ['not_found', 'bad_signature', 'genuine_code'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const counterfeitReports = pgTable(
  'counterfeit_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    outcome: text('outcome', { enum: REPORT_OUTCOMES }).notNull(),
    certificateId: text('certificate_id'),
    place: text('place'),
    details: text('details'),
    contact: text('contact'),
    locale: text('locale', { enum: ['vi', 'en'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('counterfeit_reports_created').on(t.createdAt)],
);

export type CounterfeitReportRow = typeof counterfeitReports.$inferSelect;
