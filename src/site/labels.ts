/** Locale names of the programme's vocabularies as the catalogue pages show them. Pure logic. */
import type { BrowseDimension, CertificateStatus } from '~/catalogue';
import {
  currentProvinceBySlug,
  FACILITY_TYPE_NAMES,
  type FacilityType,
  GROUP_NAMES,
  LEVEL_NAMES,
  type Level,
  type ProductGroup,
  REGION_NAMES,
  type Region,
} from '~/catalogue';
import type { Locale } from '~/i18n/locales';
import { siteStrings } from './strings';

export const levelName = (level: Level, locale: Locale): string => LEVEL_NAMES[level][locale];
export const groupName = (group: ProductGroup, locale: Locale): string => GROUP_NAMES[group][locale];
export const regionName = (region: Region, locale: Locale): string => REGION_NAMES[region][locale];
export const facilityTypeName = (type: FacilityType, locale: Locale): string =>
  FACILITY_TYPE_NAMES[type][locale];

/** The level inside a sentence: "cấp quốc gia" / "national level". */
export function levelInSentence(level: Level, locale: Locale): string {
  const name = levelName(level, locale);
  return name.charAt(0).toLocaleLowerCase(locale) + name.slice(1);
}

const STATUS_KEYS = {
  valid: 'statusValid',
  expired: 'statusExpired',
  revoked: 'statusRevoked',
  superseded: 'statusSuperseded',
} as const satisfies Record<CertificateStatus, string>;

export const statusName = (status: CertificateStatus, locale: Locale): string =>
  siteStrings(locale)(STATUS_KEYS[status]);

const DIMENSION_KEYS = {
  group: 'dimGroup',
  level: 'dimLevel',
  region: 'dimRegion',
  province: 'dimProvince',
} as const satisfies Record<BrowseDimension, string>;

export const dimensionName = (dimension: BrowseDimension, locale: Locale): string =>
  siteStrings(locale)(DIMENSION_KEYS[dimension]);

/** The name of a browse value: a group, level, region or province (by slug). */
export function dimensionValueName(dimension: BrowseDimension, value: string, locale: Locale): string {
  switch (dimension) {
    case 'group':
      return groupName(value as ProductGroup, locale);
    case 'level':
      return levelName(value as Level, locale);
    case 'region':
      return regionName(value as Region, locale);
    case 'province': {
      const province = currentProvinceBySlug(value);
      if (!province) throw new Error(`Unknown province slug "${value}"`);
      return province.name;
    }
  }
}

/** "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023" (the certificate's public name). */
export function certificationName(level: Level, year: number, locale: Locale): string {
  return siteStrings(locale)('certificationName', { level: levelInSentence(level, locale), year });
}
