/**
 * Reading statements as each bank exports them: the header found below the title lines, the
 * incoming transfers with their date, amount and description, money going out skipped, totals
 * and signatures ignored, and broken rows reported with their row number.
 */
import { describe, expect, it } from 'vitest';
import { readStatement, StatementError, statementColumns } from '~/commerce/payments/bank-statement';
import { readStatementFile, STATEMENT_MAX_BYTES } from '~/commerce/payments/statement-file';
import { readCsvRows } from '~/text/table';
import {
  ACB_CSV,
  BIDV_CSV,
  GENERIC_CSV,
  MB_CSV,
  techcombankXlsx,
  VIETCOMBANK_CSV,
} from './statement-samples';

const read = (csv: string) => readStatement(readCsvRows(csv));

describe('bank statements', () => {
  it('Vietcombank: title lines, bilingual header, "1,250,000", totals below', () => {
    const s = read(VIETCOMBANK_CSV);
    expect(s.headerRow).toBe(7);
    expect(s.lines).toEqual([
      {
        row: 8,
        date: '2025-04-12',
        amount: 1_250_000,
        description:
          'MBVCB.9283746.CNNT-250412-7KQ4X.CT tu 0123456789 NGUYEN THI LAN toi 0011004299999 CHO CNNT',
        bankReference: '5213 - 40872',
      },
      {
        row: 10,
        date: '2025-04-14',
        amount: 310_000,
        description: 'IBFT CNNT250413HJ3WP Tran Van Minh chuyen tien',
        bankReference: '5213 - 41002',
      },
    ]);
    expect(s.debits).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it('BIDV: semicolons, "1.250.000", date with time, closing balance below', () => {
    const s = read(BIDV_CSV);
    expect(s.lines).toEqual([
      {
        row: 4,
        date: '2025-04-12',
        amount: 1_250_000,
        description: 'REM Tfr Ac: 12345678 cnnt 250412 9xyza Nguyen Van Binh',
      },
    ]);
    expect(s.debits).toBe(1);
    expect(s.problems).toEqual([]);
  });

  it('MB: byte-order mark, "Nội dung chi tiết", a 0 in the credit column is money out', () => {
    const s = read(MB_CSV);
    expect(s.lines).toEqual([
      {
        row: 2,
        date: '2025-04-14',
        amount: 980_000,
        description: 'cnnt-250414-abcde chuyen khoan',
        bankReference: 'FT25104123456789',
      },
    ]);
    expect(s.debits).toBe(1);
  });

  it('ACB: "Ngày GD" over "Ngày hiệu lực", and broken rows named with their row number', () => {
    const s = read(ACB_CSV);
    expect(s.lines.map((l) => [l.row, l.date, l.amount, l.bankReference])).toEqual([
      [2, '2025-04-15', 450_000, '1122'],
    ]);
    expect(s.problems).toEqual([
      { row: 3, code: 'bad_date', value: '31/02/2025' },
      { row: 4, code: 'bad_amount', value: '1.250.0OO' },
    ]);
  });

  it('Techcombank XLSX: blank first row, date cells, numbers, bare "Có/ Credit", signatures below', async () => {
    const result = await readStatementFile('SaoKe_TCB.xlsx', await techcombankXlsx());
    if (!result.ok) throw new Error(result.code);
    expect(result.statement.headerRow).toBe(5);
    expect(result.statement.lines).toEqual([
      {
        row: 6,
        date: '2025-04-12',
        amount: 1_250_000,
        description: 'CNNT 250412 8MN3P chuyen tien mua hang',
      },
    ]);
    expect(result.statement.debits).toBe(1);
    expect(result.statement.problems).toEqual([]);
  });

  it('a single signed amount column: money in positive, money out negative', () => {
    const s = read(GENERIC_CSV);
    expect(s.lines.map((l) => [l.amount, l.description])).toEqual([[1_250_000, 'CNNT 250417 2A3B4']]);
    expect(s.debits).toBe(1);
  });

  it('finds the columns of each bank’s header, and none in a title line', () => {
    expect(statementColumns(['Ngày', 'Số tiền', 'Nội dung'])).toEqual({ date: 0, amount: 1, description: 2 });
    expect(
      statementColumns(['Ngày giao dịch', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Số dư', 'Diễn giải']),
    ).toEqual({ date: 0, debit: 1, credit: 2, description: 4 });
    expect(statementColumns(['Transaction date', 'Debit', 'Credit', 'Balance', 'Description'])).toEqual({
      date: 0,
      debit: 1,
      credit: 2,
      description: 4,
    });
    expect(statementColumns(['Từ ngày 01/04/2025 đến ngày 15/04/2025'])).toBeNull();
    expect(statementColumns(['Ngày', 'Nội dung'])).toBeNull();
  });

  it('refuses a file without a recognisable header', () => {
    expect(() => read('Họ tên,Điện thoại\nLan,0912345678\n')).toThrow(StatementError);
  });
});

describe('statement files', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads CSV by its name or, without one, by its content', async () => {
    expect((await readStatementFile('vcb.csv', bytes(VIETCOMBANK_CSV))).ok).toBe(true);
    expect((await readStatementFile('', bytes(VIETCOMBANK_CSV))).ok).toBe(true);
  });

  it('names each bad file for what it is', async () => {
    expect(await readStatementFile('big.csv', new Uint8Array(STATEMENT_MAX_BYTES + 1))).toEqual({
      ok: false,
      code: 'too_large',
    });
    expect(await readStatementFile('empty.csv', new Uint8Array())).toEqual({ ok: false, code: 'empty' });
    expect(await readStatementFile('blank.csv', bytes('\n\n ,, \n'))).toEqual({ ok: false, code: 'empty' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readStatementFile('SaoKe.xls', ole)).toEqual({ ok: false, code: 'old_excel' });
    expect(await readStatementFile('photo.pdf', bytes('%PDF-1.7'))).toEqual({
      ok: false,
      code: 'not_a_table',
    });
    const latin1 = new Uint8Array([0x4e, 0x67, 0xe0, 0x79, 0x2c, 0x53, 0x6f]);
    expect(await readStatementFile('latin.csv', latin1)).toEqual({ ok: false, code: 'not_utf8' });
    expect(await readStatementFile('broken.xlsx', bytes('PK\u0003\u0004 not a zip'))).toEqual({
      ok: false,
      code: 'unreadable',
    });
    expect(await readStatementFile('list.csv', bytes('Họ tên,Điện thoại\nLan,0912345678\n'))).toEqual({
      ok: false,
      code: 'no_header',
    });
  });
});
