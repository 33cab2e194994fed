/**
 * The columns of the sourcing and basket exports, defined once for CSV and XLSX: product,
 * facility, contacts, level, certificate, tiers, MOQ (and, for a basket, quantity with the
 * indicative tier price). Numbers stay numbers so spreadsheets can sum and sort them.
 */
import { GROUP_NAMES, LEVEL_NAMES } from '~/catalogue';
import type { Locale } from '~/i18n/locales';
import { pickText } from '~/i18n/locales';
import { statusName } from '~/site';
import { availabilityLabel, certificateReference, tierLabels } from './offer-labels';
import { type Offer, offerLeadDays } from './offers';
import { type SourcingStringKey, sourcingStrings } from './strings';
import { indicativeLine } from './tier-pricing';

export type Cell = string | number | null;

export interface ExportColumn<R> {
  key: string;
  header: SourcingStringKey;
  /** "vnd" columns get a currency number format in XLSX. */
  kind: 'text' | 'number' | 'vnd' | 'date';
  width: number;
  value(row: R, locale: Locale): Cell;
}

export interface ExportTable {
  sheetName: string;
  headers: string[];
  kinds: ExportColumn<never>['kind'][];
  widths: number[];
  rows: Cell[][];
}

const OFFER_COLUMNS: ExportColumn<Offer>[] = [
  { key: 'sku', header: 'hSku', kind: 'text', width: 16, value: (o) => o.sku },
  { key: 'product', header: 'hProduct', kind: 'text', width: 36, value: (o) => o.productName },
  {
    key: 'variant',
    header: 'hVariant',
    kind: 'text',
    width: 24,
    value: (o, l) => pickText(o.variantName, l) ?? o.packSize,
  },
  { key: 'group', header: 'hGroup', kind: 'text', width: 24, value: (o, l) => GROUP_NAMES[o.group][l] },
  { key: 'facility', header: 'hFacility', kind: 'text', width: 32, value: (o) => o.facilityName },
  { key: 'province', header: 'hProvince', kind: 'text', width: 18, value: (o) => o.province },
  { key: 'phone', header: 'hPhone', kind: 'text', width: 16, value: (o) => o.phone ?? null },
  { key: 'email', header: 'hEmail', kind: 'text', width: 26, value: (o) => o.email ?? null },
  { key: 'address', header: 'hAddress', kind: 'text', width: 36, value: (o) => o.address ?? null },
  {
    key: 'level',
    header: 'hLevel',
    kind: 'text',
    width: 16,
    value: (o, l) => LEVEL_NAMES[o.certificate.level][l],
  },
  {
    key: 'certificate',
    header: 'hCertificate',
    kind: 'text',
    width: 22,
    value: (o) => certificateReference(o.certificate),
  },
  {
    key: 'certificateStatus',
    header: 'hCertificateStatus',
    kind: 'text',
    width: 16,
    value: (o, l) => statusName(o.certificate.status, l),
  },
  {
    key: 'validUntil',
    header: 'hValidUntil',
    kind: 'date',
    width: 12,
    value: (o) => o.certificate.validUntil,
  },
  { key: 'moq', header: 'hMoq', kind: 'number', width: 12, value: (o) => o.minOrderQuantity },
  { key: 'retailPrice', header: 'hRetailPrice', kind: 'vnd', width: 14, value: (o) => o.price },
  {
    key: 'tiers',
    header: 'hTiers',
    kind: 'text',
    width: 40,
    value: (o, l) => tierLabels(o.wholesaleTiers, l).join('; ') || null,
  },
  {
    key: 'availability',
    header: 'hAvailability',
    kind: 'text',
    width: 24,
    value: (o, l) => availabilityLabel(o, l),
  },
  { key: 'leadDays', header: 'hLeadDays', kind: 'number', width: 10, value: (o) => offerLeadDays(o) ?? null },
];

export interface BasketRow {
  offer: Offer;
  quantity: number;
}

const BASKET_COLUMNS: ExportColumn<BasketRow>[] = [
  ...OFFER_COLUMNS.map((c) => ({ ...c, value: (r: BasketRow, l: Locale) => c.value(r.offer, l) })),
  { key: 'quantity', header: 'hQuantity', kind: 'number', width: 10, value: (r) => r.quantity },
  {
    key: 'unitPrice',
    header: 'hUnitPrice',
    kind: 'vnd',
    width: 14,
    value: (r) => indicativeLine(r.offer, r.quantity).unitPrice,
  },
  {
    key: 'total',
    header: 'hTotal',
    kind: 'vnd',
    width: 16,
    value: (r) => indicativeLine(r.offer, r.quantity).total,
  },
];

function table<R>(
  columns: ExportColumn<R>[],
  rows: readonly R[],
  sheet: SourcingStringKey,
  locale: Locale,
): ExportTable {
  const t = sourcingStrings(locale);
  return {
    sheetName: t(sheet),
    headers: columns.map((c) => t(c.header)),
    kinds: columns.map((c) => c.kind),
    widths: columns.map((c) => c.width),
    rows: rows.map((r) => columns.map((c) => c.value(r, locale))),
  };
}

export function offersTable(offers: readonly Offer[], locale: Locale): ExportTable {
  return table(OFFER_COLUMNS, offers, 'exportSheet', locale);
}

export function basketTable(rows: readonly BasketRow[], locale: Locale): ExportTable {
  return table(BASKET_COLUMNS, rows, 'exportBasketSheet', locale);
}

/** Column keys in order, for tests that check exports cell by cell. */
export const OFFER_COLUMN_KEYS = OFFER_COLUMNS.map((c) => c.key);
export const BASKET_COLUMN_KEYS = BASKET_COLUMNS.map((c) => c.key);
