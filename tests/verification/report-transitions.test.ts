import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, type ReportStatus } from '~/verification/db-schema';
import { canMoveReport, nextReportStatuses, REPORT_TRANSITIONS } from '~/verification/report-transitions';

describe('counterfeit report transitions', () => {
  it('has a line for every status, naming only known statuses and never itself', () => {
    expect(Object.keys(REPORT_TRANSITIONS).sort()).toEqual([...REPORT_STATUSES].sort());
    for (const [from, targets] of Object.entries(REPORT_TRANSITIONS)) {
      for (const to of targets) expect(REPORT_STATUSES).toContain(to);
      expect(targets).not.toContain(from);
    }
  });

  it('goes new → investigating → a verdict or closed', () => {
    expect(canMoveReport('new', 'investigating')).toBe(true);
    for (const to of ['confirmed_counterfeit', 'not_counterfeit', 'closed'] as const)
      expect(canMoveReport('investigating', to)).toBe(true);
  });

  it('closes a new report at once, but gives no verdict without investigating', () => {
    expect(canMoveReport('new', 'closed')).toBe(true);
    expect(canMoveReport('new', 'confirmed_counterfeit')).toBe(false);
    expect(canMoveReport('new', 'not_counterfeit')).toBe(false);
  });

  it('reopens a decided report to investigating only, never to new or the opposite verdict', () => {
    for (const from of ['confirmed_counterfeit', 'not_counterfeit', 'closed'] as const) {
      expect(nextReportStatuses(from)).toEqual(['investigating']);
      expect(canMoveReport(from, 'new')).toBe(false);
    }
    expect(canMoveReport('confirmed_counterfeit', 'not_counterfeit')).toBe(false);
    expect(canMoveReport('not_counterfeit', 'confirmed_counterfeit')).toBe(false);
  });

  it('never returns to new', () => {
    for (const from of REPORT_STATUSES) expect(canMoveReport(from as ReportStatus, 'new')).toBe(false);
  });
});
