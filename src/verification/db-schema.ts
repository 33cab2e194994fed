/**
 * Drizzle view of src/db/migrations/0201_counterfeit_reports.sql, 0202_report_triage.sql and
 * 0203_report_notes.sql.
 */
import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const REPORT_OUTCOMES = ['not_found', 'bad_signature', 'genuine_code'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const REPORT_STATUSES = [
  'new',
  'investigating',
  'confirmed_counterfeit',
  'not_counterfeit',
  'closed',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

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
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('new'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('counterfeit_reports_created').on(t.createdAt)],
);

export type CounterfeitReportRow = typeof counterfeitReports.$inferSelect;

/** An operator's note on a report (0203_report_notes.sql). */
export const reportNotes = pgTable(
  'report_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => counterfeitReports.id, { onDelete: 'cascade' }),
    authorId: text('author_id'),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_notes_report').on(t.reportId, t.id)],
);

export type ReportNoteRow = typeof reportNotes.$inferSelect;
