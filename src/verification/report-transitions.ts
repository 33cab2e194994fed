/**
 * How a counterfeit report moves through triage: new → investigating → confirmed counterfeit,
 * not counterfeit or closed. A new report may be closed at once (a duplicate, a test, spam)
 * but never given a verdict without being looked into. A decided report can be reopened, to
 * investigating only, because a verdict later found wrong must be looked into again, not
 * swapped for the opposite one in one click. Pure: no framework, no database.
 */
import type { ReportStatus } from './db-schema';

export const REPORT_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['investigating', 'closed'],
  investigating: ['confirmed_counterfeit', 'not_counterfeit', 'closed'],
  confirmed_counterfeit: ['investigating'],
  not_counterfeit: ['investigating'],
  closed: ['investigating'],
};

/** The statuses a report in `from` may move to, in the order the console offers them. */
export function nextReportStatuses(from: ReportStatus): readonly ReportStatus[] {
  return REPORT_TRANSITIONS[from];
}

export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return REPORT_TRANSITIONS[from].includes(to);
}

/** The statuses that still wait for an operator: the console's default list. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['new', 'investigating'];
