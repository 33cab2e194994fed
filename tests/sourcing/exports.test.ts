import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatBasketParam, parseBasketParam } from '~/sourcing/basket-items';
import { toCsv, toXlsx } from '~/sourcing/export-files';
import { BASKET_COLUMN_KEYS, basketTable, OFFER_COLUMN_KEYS, offersTable } from '~/sourcing/export-table';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { filterOffers } from '~/sourcing/sourcing-query';
import { AS_OF, fixtureCatalogue } from './fixtures';

const offers = filterOffers(buildOffers(fixtureCatalogue(), AS_OF), {});
const bySku = offersBySku(offers);
const basket = [
  { offer: bySku.get('GOM-BINH-30')!, quantity: 200 },
  { offer: bySku.get('NM-CK-500')!, quantity: 60 },
];

/** Expected sourcing rows in Vietnamese, written out by hand, keyed by column. */
const EXPECTED_GOM = {
  sku: 'GOM-BINH-30',
  product: 'Bình gốm men lam',
  variant: 'Bình cao 30 cm',
  group: 'Thủ công mỹ nghệ',
  facility: 'Công ty TNHH Gốm Minh Long',
  province: 'Hồ Chí Minh',
  phone: '0274 3668 899',
  email: 'banhang@gom.example.vn',
  address: 'Bình Dương cũ',
  level: 'Cấp quốc gia',
  certificate: '173/QG-2023',
  certificateStatus: 'Còn hiệu lực',
  validUntil: '2026-12-31',
  moq: 20,
  retailPrice: 450_000,
  tiers: 'Từ 50: 400.000\u00a0₫; Từ 200: 360.000\u00a0₫',
  availability: 'Làm theo đơn, 30 ngày',
  leadDays: 30,
};

const rowObject = (keys: string[], row: unknown[]) => Object.fromEntries(keys.map((k, i) => [k, row[i]]));

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and parses back row by row', () => {
    const csv = toCsv(offersTable(offers, 'vi'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(csv.slice(1), { relax_column_count: false });
    expect(rows).toHaveLength(offers.length + 1);
    expect(rows[0]).toEqual([
      'Mã hàng (SKU)',
      'Sản phẩm',
      'Quy cách',
      'Nhóm sản phẩm',
      'Cơ sở',
      'Tỉnh, thành phố',
      'Điện thoại',
      'E-mail',
      'Địa chỉ',
      'Cấp chứng nhận',
      'Chứng nhận',
      'Hiệu lực',
      'Hiệu lực đến',
      'Số lượng tối thiểu (MOQ)',
      'Giá lẻ (₫)',
      'Giá sỉ theo bậc',
      'Tình trạng',
      'Thời gian giao (ngày)',
    ]);
    const stringify = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
    expect(rowObject(OFFER_COLUMN_KEYS, rows[1]!)).toEqual(stringify(EXPECTED_GOM));
    for (const [i, offer] of offers.entries()) {
      const row = rowObject(OFFER_COLUMN_KEYS, rows[i + 1]!);
      expect(row.sku).toBe(offer.sku);
      expect(row.facility).toBe(offer.facilityName);
      expect(Number(row.moq)).toBe(offer.minOrderQuantity);
    }
    // A facility without e-mail or address leaves the cells empty; not sold online has no lead time.
    const dao = rowObject(OFFER_COLUMN_KEYS, rows.find((r) => r[0] === 'DAO-RUA-01')!);
    expect([dao.email, dao.address, dao.leadDays, dao.certificateStatus]).toEqual([
      '',
      '',
      '',
      'Hết hiệu lực',
    ]);
  });

  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    const csv = toCsv({
      sheetName: 'x',
      headers: ['a', 'b', 'c', 'd'],
      kinds: ['text', 'text', 'text', 'text'],
      widths: [1, 1, 1, 1],
      rows: [
        ['Gốm, sứ', 'say "xin chào"', 'dòng 1\ndòng 2', '=HYPERLINK("x")'],
        ['+84 912 345 678', null, '-5', '@SUM(A1)'],
        ['+A1', '-1+1', '\tx', '\r=1+1'],
        [-5, 1.5, 0, '0912 345 678'],
      ],
    });
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[1]).toEqual(['Gốm, sứ', 'say "xin chào"', 'dòng 1\ndòng 2', `'=HYPERLINK("x")`]);
    // Every text cell a spreadsheet could read as a formula (OWASP: = + - @ tab CR) is defused,
    // harmless-looking ones included: no pattern tells them apart across spreadsheet programs.
    expect(rows[2]).toEqual(["'+84 912 345 678", '', "'-5", `'@SUM(A1)`]);
    expect(rows[3]).toEqual(["'+A1", "'-1+1", "'\tx", "'\r=1+1"]);
    // Numbers are written as numbers, negative ones included.
    expect(rows[4]).toEqual(['-5', '1.5', '0', '0912 345 678']);
  });

  it('exports a basket with quantity and indicative tier prices, in English', () => {
    const rows: string[][] = parse(toCsv(basketTable(basket, 'en')).slice(1));
    expect(rows[0]!.slice(-3)).toEqual(['Quantity', 'Indicative unit price (₫)', 'Indicative amount (₫)']);
    const first = rowObject(BASKET_COLUMN_KEYS, rows[1]!);
    expect([first.sku, first.variant, first.level, first.quantity, first.unitPrice, first.total]).toEqual([
      'GOM-BINH-30',
      'Vase, 30 cm',
      'National level',
      '200',
      '360000',
      '72000000',
    ]);
    const second = rowObject(BASKET_COLUMN_KEYS, rows[2]!);
    expect([second.sku, second.quantity, second.unitPrice, second.total]).toEqual([
      'NM-CK-500',
      '60',
      '125000',
      '7500000',
    ]);
  });
});

describe('XLSX export', () => {
  async function readBack(buffer: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { sheet, rows };
  }

  it('reads back with the same headers and typed cells, row by row', async () => {
    const table = offersTable(offers, 'vi');
    const { sheet, rows } = await readBack(await toXlsx(table));
    expect(sheet.name).toBe('Nguồn hàng');
    expect(rows[0]).toEqual(table.headers);
    expect(rows).toHaveLength(offers.length + 1);
    expect(rowObject(OFFER_COLUMN_KEYS, rows[1]!)).toEqual(EXPECTED_GOM);
    for (const [i, expected] of table.rows.entries()) {
      // exceljs drops trailing empty cells; compare with nulls as undefined.
      const actual = OFFER_COLUMN_KEYS.map((_, c) => rows[i + 1]![c] ?? null);
      expect(actual).toEqual(expected);
    }
    expect(sheet.getColumn(OFFER_COLUMN_KEYS.indexOf('retailPrice') + 1).numFmt).toBe('#,##0 "₫"');
  });

  it('writes a basket sheet whose amounts are numbers', async () => {
    const { sheet, rows } = await readBack(await toXlsx(basketTable(basket, 'vi')));
    expect(sheet.name).toBe('Giỏ báo giá');
    const totals = rows.slice(1).map((r) => r[BASKET_COLUMN_KEYS.indexOf('total')]);
    expect(totals).toEqual([72_000_000, 7_500_000]);
  });
});

describe('basket export parameter', () => {
  it('round-trips SKU:quantity lines and rejects malformed ones', () => {
    const lines = [
      { sku: 'GOM-BINH-30', quantity: 200 },
      { sku: 'NM-CK-500', quantity: 60 },
    ];
    expect(parseBasketParam(formatBasketParam(lines))).toEqual({ ok: true, lines });
    for (const bad of [
      '',
      'GOM-BINH-30',
      'GOM-BINH-30:0',
      'GOM-BINH-30:1.5',
      'GOM-BINH-30:-2',
      'A:99999999',
    ]) {
      expect(parseBasketParam(bad).ok, bad).toBe(false);
    }
    expect(parseBasketParam(Array.from({ length: 101 }, (_, i) => `S${i}:1`).join(','))).toEqual({
      ok: false,
      message: 'at most 100 lines',
    });
  });
});
