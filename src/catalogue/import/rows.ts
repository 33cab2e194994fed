/**
 * Checks every row of an operator's list and turns the valid ones into typed registry rows.
 * Every problem is reported as `FILE:ROW: COLUMN: message`, all rows are checked.
 */

import type { Level, ProductGroup, Region } from '~/catalogue/programme';
import { findProvince, type ProvinceMatch } from '~/catalogue/provinces';
import { COLUMNS, type ColumnKey, mapHeader } from './columns';
import type { Table } from './table';
import {
  cleanText,
  type Parsed,
  parseDate,
  parseEmail,
  parseGroup,
  parseLevel,
  parsePhone,
  parseRegion,
  parseScore,
  parseYear,
} from './values';

/** One certificate row, parsed and valid. */
export interface RegistryRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  number?: string;
  decision?: string;
  level: Level;
  region?: Region;
  year: number;
  issuedOn?: string;
  validUntil?: string;
  productName: string;
  group: ProductGroup;
  facilityName: string;
  address?: string;
  province: ProvinceMatch;
  score?: number;
  phone?: string;
  email?: string;
  issuedBy?: string;
}

export interface Problem {
  row: number;
  column: string;
  message: string;
}

export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.row}: ${p.column}: ${p.message}`;
}

const LIMITS: Partial<Record<ColumnKey, [number, number]>> = {
  productName: [2, 200],
  facilityName: [2, 200],
  address: [1, 300],
  number: [1, 60],
  decision: [1, 100],
  issuedBy: [2, 200],
};

export interface RowCheckOptions {
  /** Latest acceptable round year (default: next year). */
  maxYear?: number;
}

export function checkRows(
  table: Table,
  options: RowCheckOptions = {},
): { rows: RegistryRow[]; problems: Problem[] } {
  const maxYear = options.maxYear ?? new Date().getUTCFullYear() + 1;
  const header = mapHeader(table.header);
  const problems: Problem[] = header.problems.map(([column, message]) => ({ row: 1, column, message }));
  const rows: RegistryRow[] = [];
  if (table.rows.length === 0)
    problems.push({ row: 1, column: '-', message: 'the file has a header but no rows' });

  for (const { row, cells } of table.rows) {
    const rowProblems: Problem[] = [];
    const label = (key: ColumnKey) => header.label[key] ?? COLUMNS.find((c) => c.key === key)!.vi;
    const raw = (key: ColumnKey): string | undefined => {
      const i = header.index[key];
      if (i === undefined) return undefined;
      const value = cleanText(cells[i] ?? '');
      return value === '' ? undefined : value;
    };
    const report = (key: ColumnKey, message: string) =>
      rowProblems.push({ row, column: label(key), message });
    const present = (key: ColumnKey) => header.index[key] !== undefined;

    /** A text value within its length limits; reports a missing required value. */
    const text = (key: ColumnKey, required: boolean): string | undefined => {
      const value = raw(key);
      if (value === undefined) {
        if (required && present(key)) report(key, 'required value is empty');
        return undefined;
      }
      const limits = LIMITS[key];
      if (limits && (value.length < limits[0] || value.length > limits[1])) {
        report(key, `must be ${limits[0]}–${limits[1]} characters long (has ${value.length})`);
        return undefined;
      }
      return value;
    };
    function parsed<T>(key: ColumnKey, required: boolean, parse: (s: string) => Parsed<T>): T | undefined {
      const value = raw(key);
      if (value === undefined) {
        if (required && present(key)) report(key, 'required value is empty');
        return undefined;
      }
      const result = parse(value);
      if (!result.ok) {
        report(key, result.message);
        return undefined;
      }
      return result.value;
    }

    const number = text('number', false);
    const decision = text('decision', false);
    const level = parsed('level', true, parseLevel);
    const region = parsed('region', false, parseRegion);
    const year = parsed('year', true, (s) => parseYear(s, maxYear));
    const issuedOn = parsed('issuedOn', false, parseDate);
    const validUntil = parsed('validUntil', false, parseDate);
    const productName = text('productName', true);
    const group = parsed('group', true, parseGroup);
    const facilityName = text('facilityName', true);
    const address = text('address', false);
    const province = parsed('province', true, (s): Parsed<ProvinceMatch> => {
      const match = findProvince(s);
      return match
        ? { ok: true, value: match }
        : {
            ok: false,
            message: `unknown province "${s}" (expected one of the 34 current or 63 former provinces)`,
          };
    });
    const score = parsed('score', false, parseScore);
    const phone = parsed('phone', false, parsePhone);
    const email = parsed('email', false, parseEmail);
    const issuedBy = text('issuedBy', false);

    if (level === 'regional' && region === undefined && raw('region') === undefined) {
      report(
        'region',
        'a regional certificate needs a region (phía Bắc, miền Trung - Tây Nguyên or phía Nam)',
      );
    }
    if (issuedOn && year !== undefined && Number(issuedOn.slice(0, 4)) < year) {
      report('issuedOn', `issued on ${issuedOn}, before its round year ${year}`);
    }
    if (issuedOn && validUntil && validUntil < issuedOn) {
      report('validUntil', `valid until ${validUntil}, before it was issued (${issuedOn})`);
    }
    if (validUntil && year !== undefined && !issuedOn && Number(validUntil.slice(0, 4)) < year) {
      report('validUntil', `valid until ${validUntil}, before its round year ${year}`);
    }

    problems.push(...rowProblems);
    if (rowProblems.length > 0 || header.problems.length > 0) continue;
    if (level === undefined || year === undefined || !productName || !group || !facilityName || !province)
      continue;
    rows.push({
      row,
      ...(number !== undefined && { number }),
      ...(decision !== undefined && { decision }),
      level,
      ...(level === 'regional' && region !== undefined && { region }),
      year,
      ...(issuedOn !== undefined && { issuedOn }),
      ...(validUntil !== undefined && { validUntil }),
      productName,
      group,
      facilityName,
      ...(address !== undefined && { address }),
      province,
      ...(score !== undefined && { score }),
      ...(phone !== undefined && { phone }),
      ...(email !== undefined && { email }),
      ...(issuedBy !== undefined && { issuedBy }),
    });
  }
  return { rows, problems };
}
