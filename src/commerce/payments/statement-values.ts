/**
 * The values of a bank statement line as Vietnamese banks write them: amounts in whole đồng
 * with "." or "," grouping thousands (or as a spreadsheet number), dates day first. Pure.
 */

/**
 * Whole đồng from "1.250.000", "1,250,000", "1 250 000", "1250000", "+1.250.000 VND",
 * "1.250.000,00" or "1,250,000.00"; null when it is not an amount, or has a fraction of a đồng.
 * A single group of three after the separator is thousands ("1.250" is 1250 đồng): no bank
 * writes fractions of a đồng with three digits.
 */
export function parseAmount(text: string): number | null {
  let s = text
    .normalize('NFC')
    .replace(/\s|\u00a0/g, '')
    .replace(/^(vnd|vnđ|đ|₫)|(vnd|vnđ|đ|₫)$/gi, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('+')) s = s.slice(1);
  else if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  let whole: string;
  let fraction = '';
  if (/^\d+$/.test(s)) whole = s;
  else if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) whole = s.replace(/[.,]/g, '');
  else if (/^\d{1,3}(\.\d{3})*,\d{1,2}$/.test(s) || /^\d{1,3}(,\d{3})*\.\d{1,2}$/.test(s)) {
    const cut = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
    whole = s.slice(0, cut).replace(/[.,]/g, '');
    fraction = s.slice(cut + 1);
  } else if (/^\d+[.,]\d{1,2}$/.test(s)) {
    // A spreadsheet number such as 1250000.5, or "1250000,00".
    [whole, fraction] = s.split(/[.,]/) as [string, string];
  } else return null;
  if (/[1-9]/.test(fraction)) return null;
  const value = Number(whole);
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * "yyyy-mm-dd" from "15/04/2025", "15-04-2025", "15.04.25", "15/04/2025 10:23:45",
 * "2025-04-15" (a spreadsheet's date cell) or 45762 (a date cell without its format); null
 * otherwise. Day first, as Vietnamese banks write it.
 */
export function parseStatementDate(text: string): string | null {
  const s = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?.*)?$/.exec(s);
  if (dayFirst) {
    const [, d, m, y] = dayFirst as unknown as [string, string, string, string];
    return isoDate(y.length === 2 ? 2000 + Number(y) : Number(y), Number(m), Number(d));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Serial days since 1899-12-30, between 2000 and about 2090.
  if (/^\d{5}(\.\d+)?$/.test(s) && Number(s) >= 36526 && Number(s) < 69000) {
    return new Date(EXCEL_EPOCH_MS + Math.floor(Number(s)) * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}
