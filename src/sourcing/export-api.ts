/**
 * GET /api/wholesale/export.{csv,xlsx}: the sourcing results for the /wholesale/ filters
 * (every page), or the quote basket given as `items=SKU:qty,…`. `lang=en` for English headers.
 */
import { todayInVietnam } from '~/catalogue';
import { apiError, rateLimited } from '~/http/json';
import type { Locale } from '~/i18n/locales';
import type { ClientLimit, RateLimitRule } from '~/security/rate-limit';
import { parseBasketParam } from './basket-items';
import { toCsv, toXlsx } from './export-files';
import { type BasketRow, basketTable, type ExportTable, offersTable } from './export-table';
import type { Offer } from './offers';
import { filterOffers, parseSourcingQuery } from './sourcing-query';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Exports per client per 10 minutes (valid or not). A workbook of the whole catalogue costs
 * about 0.5 s of CPU, so a loop of them would starve the server; a buyer exports a few times.
 * The CSV is far cheaper and gets twice the room.
 */
export const EXPORT_LIMITS = {
  xlsx: { limit: 30, windowMs: 10 * 60_000 },
  csv: { limit: 60, windowMs: 10 * 60_000 },
} satisfies Record<ExportFormat, RateLimitRule>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function buildTable(
  url: URL,
  offers: readonly Offer[],
  bySku: ReadonlyMap<string, Offer>,
  locale: Locale,
): ExportTable | Response {
  const items = url.searchParams.get('items');
  if (items !== null) {
    const basket = parseBasketParam(items);
    if (!basket.ok)
      return apiError(400, 'invalid_request', `items: ${basket.message}`, { items: basket.message });
    const rows: BasketRow[] = [];
    const unknown: Record<string, string> = {};
    basket.lines.forEach((line, i) => {
      const offer = bySku.get(line.sku);
      if (offer) rows.push({ offer, quantity: line.quantity });
      else unknown[`items.${i}.sku`] = `unknown SKU "${line.sku}"`;
    });
    if (Object.keys(unknown).length > 0)
      return apiError(400, 'invalid_request', 'Some SKUs are not listed.', unknown);
    return basketTable(rows, locale);
  }
  const { query, invalid } = parseSourcingQuery(url.searchParams);
  if (Object.keys(invalid).length > 0)
    return apiError(400, 'invalid_request', 'Some filters are invalid.', invalid);
  return offersTable(filterOffers(offers, query), locale);
}

export async function handleExport(
  format: ExportFormat,
  url: URL,
  offers: readonly Offer[],
  bySku: ReadonlyMap<string, Offer>,
  limit: ClientLimit,
): Promise<Response> {
  const allowance = await limit.limiter.take(`exports:${format}:${limit.client}`, EXPORT_LIMITS[format]);
  if (!allowance.allowed) return rateLimited('exports from this address', allowance.retryAfterSeconds);
  const lang = url.searchParams.get('lang') ?? 'vi';
  if (lang !== 'vi' && lang !== 'en')
    return apiError(400, 'invalid_request', 'lang is "vi" or "en".', { lang: 'vi or en' });
  const table = buildTable(url, offers, bySku, lang);
  if (table instanceof Response) return table;
  const name = `${url.searchParams.has('items') ? 'gio-bao-gia' : 'nguon-hang'}-${todayInVietnam()}.${format}`;
  const body: BodyInit = format === 'csv' ? toCsv(table) : new Uint8Array(await toXlsx(table));
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
