/**
 * Reads a spreadsheet people exported (CSV or XLSX) into plain rows of strings, keeping the row
 * numbers a spreadsheet shows: the catalogue's import of an operator's list and the bank
 * statements of the operators' console both read files this way. Pure apart from the XLSX
 * decoder; no Astro imports.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface TableRow {
  /** Row number as a spreadsheet shows it (header = 1). */
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

/** Why a file could not be read, for callers that word it in the reader's language. */
export type TableErrorCode = 'empty' | 'not_utf8' | 'bad_csv' | 'bad_xlsx' | 'no_rows' | 'no_header';

/** `message` is English (commands print it); `messageVi` says the same in Vietnamese. */
export class TableError extends Error {
  constructor(
    message: string,
    readonly code: TableErrorCode,
    readonly messageVi: string,
  ) {
    super(message);
  }
}

/** Picks the separator used in the header line: comma, semicolon or tab (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function toTable(records: TableRow[]): Table {
  const first = records[0];
  if (!first || isBlank(first.cells))
    throw new TableError(
      'the first row must be the header row, and it is empty',
      'no_header',
      'dòng đầu tiên phải là dòng tiêu đề, nhưng nó trống',
    );
  const header = first.cells.map((c) => c.trim());
  const rows = records.slice(1).filter((r) => !isBlank(r.cells));
  return { header, rows };
}

function decodeText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input[0] === 0xff && input[1] === 0xfe)
    text = new TextDecoder('utf-16le').decode(input); // Excel "Unicode text"
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new TableError(
        'the file is not UTF-8 text (in Excel, save it as "CSV UTF-8")',
        'not_utf8',
        'tệp không phải văn bản UTF-8 (trong Excel, hãy lưu dưới dạng “CSV UTF-8”)',
      );
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Every row of CSV text or bytes, blank ones included: UTF-8 with or without BOM (or Excel's
 * UTF-16 "Unicode text"), comma, semicolon or tab separated, quoted fields.
 */
export function readCsvRows(input: string | Uint8Array): TableRow[] {
  const text = decodeText(input);
  if (text.trim() === '') throw new TableError('the file is empty', 'empty', 'tệp trống');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const reason = (error as Error).message;
    throw new TableError(
      `not a readable CSV file: ${reason}`,
      'bad_csv',
      `không đọc được tệp CSV (lỗi của bộ đọc: ${reason})`,
    );
  }
  // Each record is one spreadsheet row (a quoted field may span lines, as in a spreadsheet cell).
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.normalize('NFC')) }));
}

/** Parses CSV text or bytes whose first row is the header. */
export function parseCsv(input: string | Uint8Array): Table {
  return toTable(readCsvRows(input));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text a spreadsheet cell shows, with dates as yyyy-mm-dd. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return String(value);
}

/** Every row of the first worksheet with content of an XLSX workbook, blank ones included. */
export async function readXlsxRows(input: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
  } catch (error) {
    const reason = (error as Error).message;
    throw new TableError(
      `not a readable XLSX workbook: ${reason}`,
      'bad_xlsx',
      `không đọc được tệp XLSX (lỗi của bộ đọc: ${reason})`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new TableError('the workbook has no rows', 'no_rows', 'bảng tính không có dòng nào');
  const records: TableRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).normalize('NFC'));
    records.push({ row: r, cells });
  }
  return records;
}

/** Parses the first worksheet of an XLSX workbook whose first row is the header. */
export async function parseXlsx(input: Uint8Array): Promise<Table> {
  return toTable(await readXlsxRows(input));
}

export type TableFormat = 'csv' | 'xlsx';

export function formatOf(file: string): TableFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

export async function parseTable(bytes: Uint8Array, format: TableFormat): Promise<Table> {
  return format === 'xlsx' ? parseXlsx(bytes) : parseCsv(bytes);
}

/** Every row of the file, blank ones included, for files whose header is not on row 1. */
export async function readRows(bytes: Uint8Array, format: TableFormat): Promise<TableRow[]> {
  return format === 'xlsx' ? readXlsxRows(bytes) : readCsvRows(bytes);
}
