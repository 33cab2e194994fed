/**
 * Checks every row of an operator's list and turns the valid ones into typed registry rows.
 * Every problem is reported as `FILE:ROW: COLUMN: message`, all rows are checked. Each problem
 * is worded in English (the CLI prints it) and in Vietnamese (the console shows it).
 */

import type { Level, ProductGroup, Region } from '~/catalogue/programme';
import { findProvince, type ProvinceMatch } from '~/catalogue/provinces';
import { formatDate } from '~/i18n/format';
import type { Table } from '~/text/table';
import { COLUMNS, type ColumnKey, type HeaderMap, mapHeader } from './columns';
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
  messageVi: string;
}

export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.row}: ${p.column}: ${p.message}`;
}

/** `ROW: COLUMN: message` in the reader's language (the console lists a file's problems so). */
export function problemLine(p: Problem, locale: 'vi' | 'en'): string {
  return `${p.row}: ${p.column}: ${locale === 'vi' ? p.messageVi : p.message}`;
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

/** The values a row gives, each parsed; missing where the cell is empty or invalid. */
type RowValues = Partial<Omit<RegistryRow, 'row'>>;

export function checkRows(
  table: Table,
  options: RowCheckOptions = {},
): { rows: RegistryRow[]; problems: Problem[] } {
  const maxYear = options.maxYear ?? new Date().getUTCFullYear() + 1;
  const header = mapHeader(table.header);
  const problems: Problem[] = header.problems.map(([column, message, messageVi]) => ({
    row: 1,
    column,
    message,
    messageVi,
  }));
  const rows: RegistryRow[] = [];
  if (table.rows.length === 0)
    problems.push({
      row: 1,
      column: '-',
      message: 'the file has a header but no rows',
      messageVi: 'tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào',
    });

  for (const { row, cells } of table.rows) {
    const reader = new RowReader(header, row, cells);
    const values = readValues(reader, maxYear);
    checkConsistency(reader, values);
    problems.push(...reader.problems);
    // Every row is checked, but none is kept while the header or the row has a problem.
    if (reader.problems.length > 0 || header.problems.length > 0) continue;
    const registryRow = toRegistryRow(row, values);
    if (registryRow) rows.push(registryRow);
  }
  return { rows, problems };
}

/** Reads one row's cells by column, collecting the row's problems. */
class RowReader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly header: HeaderMap,
    private readonly row: number,
    private readonly cells: readonly string[],
  ) {}

  /** The cleaned cell, undefined when empty or when the file has no such column. */
  raw(key: ColumnKey): string | undefined {
    const i = this.header.index[key];
    if (i === undefined) return undefined;
    const value = cleanText(this.cells[i] ?? '');
    return value === '' ? undefined : value;
  }

  report(key: ColumnKey, message: string, messageVi: string): void {
    const column = this.header.label[key] ?? COLUMNS.find((c) => c.key === key)!.vi;
    this.problems.push({ row: this.row, column, message, messageVi });
  }

  /** A text value within its length limits; reports a missing required value. */
  text(key: ColumnKey, required: boolean): string | undefined {
    const value = this.present(key, required);
    if (value === undefined) return undefined;
    const limits = LIMITS[key];
    if (limits && (value.length < limits[0] || value.length > limits[1])) {
      this.report(
        key,
        `must be ${limits[0]}–${limits[1]} characters long (has ${value.length})`,
        `cần dài từ ${limits[0]} đến ${limits[1]} ký tự (đang có ${value.length})`,
      );
      return undefined;
    }
    return value;
  }

  /** A parsed value; reports a missing required value and one that does not parse. */
  parsed<T>(key: ColumnKey, required: boolean, parse: (s: string) => Parsed<T>): T | undefined {
    const value = this.present(key, required);
    if (value === undefined) return undefined;
    const result = parse(value);
    if (!result.ok) {
      this.report(key, result.message, result.messageVi);
      return undefined;
    }
    return result.value;
  }

  /** The raw value; an empty required cell is a problem (a missing required column is the header's). */
  private present(key: ColumnKey, required: boolean): string | undefined {
    const value = this.raw(key);
    if (value === undefined && required && this.header.index[key] !== undefined)
      this.report(key, 'required value is empty', 'thiếu giá trị bắt buộc');
    return value;
  }
}

/** Every column's value, read in the format's column order (so problems come in that order). */
function readValues(reader: RowReader, maxYear: number): RowValues {
  return {
    number: reader.text('number', false),
    decision: reader.text('decision', false),
    level: reader.parsed('level', true, parseLevel),
    region: reader.parsed('region', false, parseRegion),
    year: reader.parsed('year', true, (s) => parseYear(s, maxYear)),
    issuedOn: reader.parsed('issuedOn', false, parseDate),
    validUntil: reader.parsed('validUntil', false, parseDate),
    productName: reader.text('productName', true),
    group: reader.parsed('group', true, parseGroup),
    facilityName: reader.text('facilityName', true),
    address: reader.text('address', false),
    province: reader.parsed('province', true, parseProvince),
    score: reader.parsed('score', false, parseScore),
    phone: reader.parsed('phone', false, parsePhone),
    email: reader.parsed('email', false, parseEmail),
    issuedBy: reader.text('issuedBy', false),
  };
}

function parseProvince(s: string): Parsed<ProvinceMatch> {
  const match = findProvince(s);
  return match
    ? { ok: true, value: match }
    : {
        ok: false,
        message: `unknown province "${s}" (expected one of the 34 current or 63 former provinces)`,
        messageVi: `không có tỉnh/thành “${s}” (cần tên một trong 34 tỉnh/thành hiện nay hoặc 63 tỉnh/thành cũ)`,
      };
}

/** Checks between columns: a regional certificate's region, and dates in order with the round year. */
function checkConsistency(reader: RowReader, v: RowValues): void {
  const { level, region, year, issuedOn, validUntil } = v;
  // An invalid region was reported already; only a missing one is reported here.
  if (level === 'regional' && region === undefined && reader.raw('region') === undefined) {
    reader.report(
      'region',
      'a regional certificate needs a region (phía Bắc, miền Trung - Tây Nguyên or phía Nam)',
      'chứng nhận cấp khu vực cần ghi khu vực (phía Bắc, miền Trung - Tây Nguyên hoặc phía Nam)',
    );
  }
  if (issuedOn && year !== undefined && Number(issuedOn.slice(0, 4)) < year) {
    reader.report(
      'issuedOn',
      `issued on ${issuedOn}, before its round year ${year}`,
      `ngày cấp ${formatDate(issuedOn, 'vi')} trước năm bình chọn ${year}`,
    );
  }
  if (issuedOn && validUntil && validUntil < issuedOn) {
    reader.report(
      'validUntil',
      `valid until ${validUntil}, before it was issued (${issuedOn})`,
      `hiệu lực đến ${formatDate(validUntil, 'vi')}, trước ngày cấp (${formatDate(issuedOn, 'vi')})`,
    );
  }
  if (validUntil && year !== undefined && !issuedOn && Number(validUntil.slice(0, 4)) < year) {
    reader.report(
      'validUntil',
      `valid until ${validUntil}, before its round year ${year}`,
      `hiệu lực đến ${formatDate(validUntil, 'vi')}, trước năm bình chọn ${year}`,
    );
  }
}

/** The registry row, with only the values given; undefined when a required value is missing. */
function toRegistryRow(row: number, v: RowValues): RegistryRow | undefined {
  const { level, year, productName, group, facilityName, province } = v;
  if (level === undefined || year === undefined || !productName || !group || !facilityName || !province)
    return undefined;
  return {
    row,
    ...(v.number !== undefined && { number: v.number }),
    ...(v.decision !== undefined && { decision: v.decision }),
    level,
    ...(level === 'regional' && v.region !== undefined && { region: v.region }),
    year,
    ...(v.issuedOn !== undefined && { issuedOn: v.issuedOn }),
    ...(v.validUntil !== undefined && { validUntil: v.validUntil }),
    productName,
    group,
    facilityName,
    ...(v.address !== undefined && { address: v.address }),
    province,
    ...(v.score !== undefined && { score: v.score }),
    ...(v.phone !== undefined && { phone: v.phone }),
    ...(v.email !== undefined && { email: v.email }),
    ...(v.issuedBy !== undefined && { issuedBy: v.issuedBy }),
  };
}
