/**
 * How a field of a registry record reads in the diff, in the page's language: names for the
 * programme's codes (level, region, group, legal form), dates as people write them, the
 * Vietnamese text of a description, a revocation in one line. Pure.
 */
import {
  FACILITY_TYPE_NAMES,
  type FacilityType,
  GROUP_NAMES,
  LEVEL_NAMES,
  type Level,
  type ProductGroup,
  REGION_NAMES,
  type Region,
} from '~/catalogue';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { type DiffStringKey, diffStrings } from './diff-strings';

const NAMES: Record<string, Record<string, { vi: string; en: string }>> = {
  level: LEVEL_NAMES as Record<Level, { vi: string; en: string }>,
  region: REGION_NAMES as Record<Region, { vi: string; en: string }>,
  group: GROUP_NAMES as Record<ProductGroup, { vi: string; en: string }>,
  type: FACILITY_TYPE_NAMES as Record<FacilityType, { vi: string; en: string }>,
};
const DATE_FIELDS = new Set(['issuedOn', 'validUntil']);
const KNOWN_FIELDS = new Set(
  ['id', 'name', 'type', 'address', 'province', 'provinceAsListed', 'phone', 'email', 'website']
    .concat(['description', 'photos', 'group', 'facilityId', 'productId', 'isSet', 'number'])
    .concat(['decision', 'level', 'region', 'year', 'issuedBy', 'issuedOn', 'validUntil', 'score'])
    .concat(['revocation']),
);

/** The field's name for people ("validUntil" → "Hiệu lực đến"); unknown fields as they are. */
export function fieldLabel(field: string, locale: Locale): string {
  return KNOWN_FIELDS.has(field) ? diffStrings(locale)(`f_${field}` as DiffStringKey) : field;
}

/** One value as text; absent values as a dash. */
export function formatFieldValue(field: string, value: unknown, locale: Locale): string {
  const t = diffStrings(locale);
  if (value === undefined || value === null || value === '') return t('empty');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'string') {
    const named = NAMES[field]?.[value];
    if (named) return `${named[locale]} (${value})`;
    if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    return value;
  }
  if (typeof value === 'number') return String(value).replace('.', locale === 'vi' ? ',' : '.');
  if (Array.isArray(value)) return value.length === 0 ? t('empty') : value.map(String).join(', ');
  const record = value as Record<string, unknown>;
  if (field === 'revocation' && typeof record.date === 'string') {
    const decision = typeof record.decision === 'string' ? ` (${record.decision})` : '';
    return `${formatDate(record.date, locale)}: ${String(record.reason ?? '')}${decision}`;
  }
  if (typeof record.vi === 'string')
    return locale === 'en' && typeof record.en === 'string' ? record.en : record.vi;
  return JSON.stringify(value);
}
