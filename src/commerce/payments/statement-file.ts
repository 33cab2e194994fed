/**
 * An uploaded bank statement file, read: CSV (UTF-8 or Excel's "Unicode text") or XLSX, told
 * apart by content as well as by name, since banks name their exports loosely. Old binary
 * Excel files (.xls) are named as such, so the person knows to save them again as .xlsx.
 */
import { readRows, TableError, type TableFormat } from '~/text/table';
import { readStatement, type Statement, StatementError } from './bank-statement';

/** Larger than any month of a busy account's statement, small enough to read in a request. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024;

export type StatementFileError =
  | 'too_large'
  | 'empty'
  | 'not_a_table'
  | 'old_excel'
  | 'not_utf8'
  | 'unreadable'
  | 'no_header';

export type StatementFileResult =
  | { ok: true; statement: Statement }
  | { ok: false; code: StatementFileError };

function formatOfFile(name: string, bytes: Uint8Array): TableFormat | 'xls' | undefined {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip) return 'xlsx';
  if (ole) return 'xls';
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.xls')) return 'xls';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower === '') return 'csv';
  return undefined;
}

export async function readStatementFile(name: string, bytes: Uint8Array): Promise<StatementFileResult> {
  if (bytes.byteLength > STATEMENT_MAX_BYTES) return { ok: false, code: 'too_large' };
  if (bytes.byteLength === 0) return { ok: false, code: 'empty' };
  const format = formatOfFile(name, bytes);
  if (format === 'xls') return { ok: false, code: 'old_excel' };
  if (!format) return { ok: false, code: 'not_a_table' };
  try {
    return { ok: true, statement: readStatement(await readRows(bytes, format)) };
  } catch (error) {
    if (error instanceof StatementError)
      return { ok: false, code: error.code === 'no_rows' ? 'empty' : 'no_header' };
    if (error instanceof TableError) {
      if (error.code === 'empty' || error.code === 'no_rows') return { ok: false, code: 'empty' };
      if (error.code === 'not_utf8') return { ok: false, code: 'not_utf8' };
      return { ok: false, code: 'unreadable' };
    }
    throw error;
  }
}
