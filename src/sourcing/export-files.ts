/**
 * Export files: CSV (UTF-8 with BOM so Excel opens Vietnamese text correctly, RFC 4180
 * quoting, CRLF) and XLSX through exceljs.
 */
import ExcelJS from 'exceljs';
import type { Cell, ExportTable } from './export-table';

const BOM = '\uFEFF';

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Text a spreadsheet would run as a formula gets a leading apostrophe; phone numbers such
  // as "+84 912 345 678" are left alone.
  const formula = typeof value === 'string' && (/^[=@\t\r]/.test(text) || /^[+-].*[=(|!]/.test(text));
  const safe = formula ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

const NUMBER_FORMATS: Partial<Record<ExportTable['kinds'][number], string>> = {
  number: '#,##0',
  vnd: '#,##0 "₫"',
};

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chợ CNNT';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({
    header,
    width: table.widths[i] ?? 14,
    style: NUMBER_FORMATS[table.kinds[i]!] ? { numFmt: NUMBER_FORMATS[table.kinds[i]!] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
