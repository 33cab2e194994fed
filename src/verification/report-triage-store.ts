/**
 * Triage of one counterfeit report in the console: read it with its notes, move its status
 * along the allowed transitions (./report-transitions.ts), add a note. Each change and its
 * audit entry are written in one transaction, so neither exists without the other.
 */
import { asc, count, eq } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import {
  type CounterfeitReportRow,
  counterfeitReports,
  type ReportNoteRow,
  type ReportStatus,
  reportNotes,
} from './db-schema';
import { canMoveReport } from './report-transitions';

export const MAX_NOTE_LENGTH = 4000;

export interface ReportDetail {
  report: CounterfeitReportRow;
  notes: ReportNoteRow[];
  /** Reports naming the same certificate (this one included); null without a certificate. */
  certificateReports: number | null;
}

export async function reportDetail(db: Database, id: number): Promise<ReportDetail | undefined> {
  const [report] = await db.select().from(counterfeitReports).where(eq(counterfeitReports.id, id));
  if (!report) return undefined;
  const [notes, counted] = await Promise.all([
    db.select().from(reportNotes).where(eq(reportNotes.reportId, id)).orderBy(asc(reportNotes.id)),
    report.certificateId
      ? db
          .select({ n: count() })
          .from(counterfeitReports)
          .where(eq(counterfeitReports.certificateId, report.certificateId))
      : Promise.resolve([]),
  ]);
  return { report, notes, certificateReports: counted[0]?.n ?? null };
}

export type MoveOutcome =
  | { kind: 'moved'; from: ReportStatus; to: ReportStatus }
  | { kind: 'not_found' }
  /** Someone moved it since the page was shown: nothing changed, the page shows the new status. */
  | { kind: 'stale'; current: ReportStatus }
  | { kind: 'refused'; from: ReportStatus; to: ReportStatus };

/**
 * Moves report `id` to `to`. `expected` is the status the operator saw: a report moved by
 * someone else in between is not moved again on the strength of an outdated page.
 */
export async function moveReport(
  db: Database,
  actor: Actor,
  change: { id: number; expected?: ReportStatus; to: ReportStatus },
): Promise<MoveOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: counterfeitReports.status })
      .from(counterfeitReports)
      .where(eq(counterfeitReports.id, change.id))
      .for('update');
    if (!row) return { kind: 'not_found' };
    const from = row.status;
    if (change.expected && change.expected !== from) return { kind: 'stale', current: from };
    if (!canMoveReport(from, change.to)) return { kind: 'refused', from, to: change.to };
    await tx
      .update(counterfeitReports)
      .set({ status: change.to, updatedAt: new Date() })
      .where(eq(counterfeitReports.id, change.id));
    await appendAudit(tx, actor, {
      action: 'report.status',
      target: { type: 'report', id: String(change.id) },
      before: { status: from },
      after: { status: change.to },
    });
    return { kind: 'moved', from, to: change.to };
  });
}

export type NoteOutcome = { kind: 'added'; noteId: number } | { kind: 'not_found' };

/** Adds an operator's note (trimmed, 1 to MAX_NOTE_LENGTH characters: the caller validates). */
export async function addReportNote(
  db: Database,
  actor: Actor,
  note: { id: number; body: string },
): Promise<NoteOutcome> {
  const body = note.body.trim();
  if (body.length === 0 || body.length > MAX_NOTE_LENGTH)
    throw new RangeError(`a note has 1 to ${MAX_NOTE_LENGTH} characters`);
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ id: counterfeitReports.id })
      .from(counterfeitReports)
      .where(eq(counterfeitReports.id, note.id))
      .for('update');
    if (!report) return { kind: 'not_found' };
    const [inserted] = await tx
      .insert(reportNotes)
      .values({ reportId: note.id, authorId: actor.id, authorLabel: actor.label, body })
      .returning({ id: reportNotes.id });
    // Touch the report too: "updated" in the list means someone worked on it.
    await tx
      .update(counterfeitReports)
      .set({ updatedAt: new Date() })
      .where(eq(counterfeitReports.id, note.id));
    await appendAudit(tx, actor, {
      action: 'report.note',
      target: { type: 'report', id: String(note.id) },
      after: { note: inserted!.id, body },
    });
    return { kind: 'added', noteId: inserted!.id };
  });
}
