import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '~/security/rate-limit';
import { EXPORT_LIMITS, handleExport } from '~/sourcing/export-api';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { AS_OF, fixtureCatalogue } from './fixtures';

const offers = buildOffers(fixtureCatalogue(), AS_OF);
const bySku = offersBySku(offers);
const get = (
  format: 'csv' | 'xlsx',
  qs: string,
  limit = { limiter: new RateLimiter(), client: '192.0.2.1' },
) => handleExport(format, new URL(`http://x/api/wholesale/export.${format}?${qs}`), offers, bySku, limit);

describe('export route', () => {
  it('exports the filtered sourcing results as CSV, every page', async () => {
    const response = await get('csv', 'group=food&lang=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nguon-hang-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''));
    expect(rows.map((r) => r[0])).toEqual(['SKU', 'NM-CK-500', 'NM-CK-5L']);
  });

  it('exports a basket as XLSX', async () => {
    const response = await get('xlsx', 'items=NM-CK-5L:12,GOM-BINH-30:50');
    expect(response.headers.get('content-disposition')).toMatch(/gio-bao-gia-.*\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual(['NM-CK-5L', 'GOM-BINH-30']);
    expect(sheet.rowCount).toBe(3);
  });

  it('answers bad input with a 4xx naming the problem', async () => {
    const badFilter = await get('csv', 'level=galactic');
    expect(badFilter.status).toBe(400);
    expect(((await badFilter.json()) as { error: { fields: object } }).error.fields).toHaveProperty('level');
    const unknown = await get('csv', 'items=NOPE-1:5');
    expect(((await unknown.json()) as { error: { fields: object } }).error.fields).toEqual({
      'items.0.sku': 'unknown SKU "NOPE-1"',
    });
    expect((await get('csv', 'lang=fr')).status).toBe(400);
  });

  it('limits exports per client (30 workbooks, 60 CSV files per 10 minutes) with 429 and Retry-After', async () => {
    const limiter = new RateLimiter();
    const mine = { limiter, client: '198.51.100.7' };
    expect(EXPORT_LIMITS.xlsx).toEqual({ limit: 30, windowMs: 10 * 60_000 });
    // Invalid requests count too: a loop of bad ones is as cheap to refuse as to answer.
    for (let i = 0; i < EXPORT_LIMITS.xlsx.limit; i++)
      expect((await get('xlsx', 'lang=xx', mine)).status).toBe(400);
    const over = await get('xlsx', 'group=food', mine);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(590);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another client, and the CSV (its own, larger budget), are not affected.
    expect((await get('xlsx', 'group=food', { limiter, client: '198.51.100.8' })).status).toBe(200);
    expect((await get('csv', 'group=food', mine)).status).toBe(200);
    for (let i = 1; i < EXPORT_LIMITS.csv.limit; i++) await get('csv', 'lang=xx', mine);
    expect((await get('csv', 'group=food', mine)).status).toBe(429);
  });
});
