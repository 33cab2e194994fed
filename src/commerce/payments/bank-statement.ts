/**
 * A bank statement as Vietnamese banks export it (Vietcombank, Techcombank, BIDV, MB, ACB and
 * the like), read from its rows: the header row is found among the title lines above it by
 * its column names (Vietnamese or English, with or without diacritics), and each incoming
 * transfer becomes a line with its date, amount and description. Outgoing money is skipped;
 * rows that cannot be read are reported with their row number. Pure: no file access.
 */
import { foldForMatch } from '~/text/vietnamese';
import { parseAmount, parseStatementDate } from './statement-values';

export interface StatementLine {
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** yyyy-mm-dd */
  date: string;
  /** Whole đồng received. */
  amount: number;
  description: string;
  /** The bank's own transaction number, when the statement has one. */
  bankReference?: string;
}

export interface StatementProblem {
  row: number;
  code: 'bad_date' | 'bad_amount';
  /** The cell as written. */
  value: string;
}

export interface Statement {
  headerRow: number;
  lines: StatementLine[];
  problems: StatementProblem[];
  /** Rows of money going out, skipped. */
  debits: number;
}

export class StatementError extends Error {
  constructor(readonly code: 'no_header' | 'no_rows') {
    super(code === 'no_header' ? 'no header row with date, amount and description columns' : 'no rows');
  }
}

type Role = 'date' | 'credit' | 'debit' | 'amount' | 'description' | 'reference';

/**
 * Column names by role, most specific first (folded: no diacritics, lower case). A header
 * matches a name when it contains it as whole words, so bilingual headers such as
 * "Ngày giao dịch / Transaction date" or "Có/ Credit" match too.
 */
const NAMES: Record<Role, readonly string[]> = {
  date: [
    'ngay giao dich',
    'ngay gd',
    'transaction date',
    'ngay hach toan',
    'ngay hieu luc',
    'effective date',
    'posting date',
    'ngay',
    'date',
  ],
  credit: ['so tien ghi co', 'ghi co', 'so tien co', 'tien vao', 'gui vao', 'credit'],
  debit: ['so tien ghi no', 'ghi no', 'so tien no', 'tien ra', 'rut ra', 'debit'],
  amount: ['so tien giao dich', 'so tien', 'amount'],
  description: [
    'noi dung chi tiet',
    'noi dung giao dich',
    'noi dung',
    'dien giai',
    'mo ta giao dich',
    'mo ta',
    'transaction details',
    'description',
    'details',
    'remarks',
    'remark',
  ],
  reference: [
    'so tham chieu',
    'so but toan',
    'ma giao dich',
    'ma gd',
    'so giao dich',
    'so gd',
    'so chung tu',
    'so ct',
    'reference no',
    'reference',
    'ref no',
    'transaction no',
  ],
};

/** Techcombank and ACB head their money columns with a bare "Có" / "Nợ". */
const BARE: Partial<Record<Role, string>> = { credit: 'co', debit: 'no' };

type Columns = Partial<Record<Role, number>>;

function hasWords(folded: string, name: string): boolean {
  return ` ${folded} `.includes(` ${name} `);
}

/** The columns of a header row, or null when it lacks a date, an amount or a description. */
export function statementColumns(cells: readonly string[]): Columns | null {
  const folded = cells.map((c) => foldForMatch(c));
  const taken = new Set<number>();
  const columns: Columns = {};
  // Money columns first: "Số tiền ghi có" must not be taken for a plain "Số tiền".
  for (const role of ['credit', 'debit', 'date', 'reference', 'description', 'amount'] as const) {
    const pick = (test: (f: string) => boolean) => folded.findIndex((f, i) => !taken.has(i) && test(f));
    let index = -1;
    for (const name of NAMES[role]) {
      index = pick((f) => hasWords(f, name));
      if (index >= 0) break;
    }
    const bare = BARE[role];
    if (index < 0 && bare) index = pick((f) => f === bare);
    if (index >= 0) {
      columns[role] = index;
      taken.add(index);
    }
  }
  const hasMoney = columns.credit !== undefined || columns.amount !== undefined;
  return columns.date !== undefined && hasMoney && columns.description !== undefined ? columns : null;
}

/** Lines of totals and balances under the transactions, which have no date of their own. */
const SUMMARY = /\b(tong|cong phat sinh|so du|total|balance|opening|closing)\b/;

const HEADER_SEARCH_ROWS = 40;

export interface SheetRow {
  row: number;
  cells: string[];
}

/** Reads the incoming transfers of a statement's rows (title lines, header, transactions, totals). */
export function readStatement(rows: readonly SheetRow[]): Statement {
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) throw new StatementError('no_rows');
  let headerAt = -1;
  let columns: Columns | null = null;
  for (let i = 0; i < Math.min(nonBlank.length, HEADER_SEARCH_ROWS) && !columns; i++) {
    columns = statementColumns(nonBlank[i]!.cells);
    headerAt = i;
  }
  if (!columns) throw new StatementError('no_header');
  const cols = columns;
  const cell = (r: SheetRow, role: Role) =>
    cols[role] === undefined ? '' : (r.cells[cols[role]!] ?? '').replace(/\s+/g, ' ').trim();
  const statement: Statement = { headerRow: nonBlank[headerAt]!.row, lines: [], problems: [], debits: 0 };
  for (const r of nonBlank.slice(headerAt + 1)) {
    // Statements of several pages repeat the header on each.
    if (statementColumns(r.cells)) continue;
    const money = cols.credit !== undefined ? cell(r, 'credit') : cell(r, 'amount');
    const dateText = cell(r, 'date');
    const date = parseStatementDate(dateText);
    if (!date) {
      // Only outside the description: a payer's "CONG TY ..." is no total.
      const text = foldForMatch(r.cells.filter((_, i) => i !== cols.description).join(' '));
      if (SUMMARY.test(text) || (money === '' && cell(r, 'debit') === '')) continue;
      statement.problems.push({ row: r.row, code: 'bad_date', value: dateText });
      continue;
    }
    if (money === '') {
      statement.debits += 1;
      continue;
    }
    const amount = parseAmount(money);
    if (amount === null) {
      statement.problems.push({ row: r.row, code: 'bad_amount', value: money });
      continue;
    }
    // A credit column of 0 is the credit side of a debit line; a signed amount below 0 is money out.
    if (amount <= 0) {
      statement.debits += 1;
      continue;
    }
    const bankReference = cell(r, 'reference');
    statement.lines.push({
      row: r.row,
      date,
      amount,
      description: cell(r, 'description'),
      ...(bankReference ? { bankReference } : {}),
    });
  }
  return statement;
}
