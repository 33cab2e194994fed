/**
 * What the console accepts as an uploaded list: a .csv or .xlsx file of at most 20 MB whose
 * bytes are what its name says (an XLSX workbook is a zip archive, "PK"; a CSV is text, not a
 * zip or another binary renamed). Pure.
 */
import { createHash } from 'node:crypto';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportFileFormat = 'csv' | 'xlsx';

export type UploadRefusal = 'no_file' | 'too_large' | 'bad_type' | 'xlsx_not_zip' | 'csv_is_binary';

export interface UploadedList {
  fileName: string;
  format: ImportFileFormat;
  bytes: Uint8Array;
  sha256: string;
}

/** The name as shown and stored: the last path segment, no control characters, at most 200. */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // Control characters (a newline, a NUL) would garble the lists and the audit log.
  const clean = [...last.normalize('NFC')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f')
    .join('')
    .trim();
  return (clean || 'list').slice(0, 200);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A NUL byte early on marks a binary file (UTF-16 text, with its BOM, excepted). */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return false;
  return bytes.subarray(0, 8192).includes(0);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function checkUpload(
  name: string,
  bytes: Uint8Array,
): { ok: true; list: UploadedList } | { ok: false; refusal: UploadRefusal } {
  if (bytes.byteLength === 0) return { ok: false, refusal: 'no_file' };
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, refusal: 'too_large' };
  const fileName = cleanFileName(name);
  const lower = fileName.toLowerCase();
  const format: ImportFileFormat | undefined = lower.endsWith('.xlsx')
    ? 'xlsx'
    : lower.endsWith('.csv')
      ? 'csv'
      : undefined;
  if (!format) return { ok: false, refusal: 'bad_type' };
  const zip = startsWith(bytes, ZIP);
  if (format === 'xlsx' && !zip) return { ok: false, refusal: 'xlsx_not_zip' };
  if (format === 'csv' && (zip || looksBinary(bytes))) return { ok: false, refusal: 'csv_is_binary' };
  return { ok: true, list: { fileName, format, bytes, sha256: sha256Hex(bytes) } };
}
