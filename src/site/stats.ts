/**
 * Programme statistics computed from the catalogue data for /programme/ and the home page:
 * certificates per level, round year, region and province, and their status on the build date.
 * Pure logic, no framework imports.
 */
import {
  type CertificateStatus,
  CURRENT_PROVINCES,
  type CurrentProvince,
  type Level,
  REGIONS,
  type Region,
  STATUSES,
} from '~/catalogue';
import { LEVELS_HIGH_FIRST, type SiteIndex } from './site-index';

export interface ProgrammeStats {
  certificates: number;
  products: number;
  facilities: number;
  /** Current provinces with at least one certified product. */
  provinces: number;
  byLevel: { level: Level; count: number }[];
  byYear: { year: number; count: number }[];
  byRegion: { region: Region; count: number }[];
  /** All 34 provinces, most certificates first (ties in the official order). */
  byProvince: { province: CurrentProvince; count: number }[];
  byStatus: { status: CertificateStatus; count: number }[];
}

function tally<K>(keys: readonly K[]): Map<K, number> {
  return new Map(keys.map((k) => [k, 0]));
}

function bump<K>(map: Map<K, number>, k: K): void {
  map.set(k, (map.get(k) ?? 0) + 1);
}

/** Certificates are counted where their facility is today (region and province of the 34). */
export function programmeStats(index: SiteIndex): ProgrammeStats {
  const level = tally(LEVELS_HIGH_FIRST);
  const year = new Map<number, number>();
  const region = tally(REGIONS);
  const province = tally(CURRENT_PROVINCES.map((p) => p.slug));
  const status = tally(STATUSES);
  let certificates = 0;
  for (const card of index.cards.values()) {
    for (const { certificate, status: s } of index.certificatesOf(card.product.id)) {
      certificates += 1;
      bump(level, certificate.level);
      bump(year, certificate.year);
      bump(region, card.province.region);
      bump(province, card.province.slug);
      bump(status, s);
    }
  }
  const provinceOrder = new Map(CURRENT_PROVINCES.map((p, i) => [p.slug, i]));
  return {
    certificates,
    products: index.cards.size,
    facilities: index.facilities.size,
    provinces: [...province.values()].filter((n) => n > 0).length,
    byLevel: [...level].filter(([, n]) => n > 0).map(([l, count]) => ({ level: l, count })),
    byYear: [...year].sort(([a], [b]) => a - b).map(([y, count]) => ({ year: y, count })),
    byRegion: [...region].map(([r, count]) => ({ region: r, count })),
    byProvince: CURRENT_PROVINCES.map((p) => ({ province: p, count: province.get(p.slug)! })).sort(
      (a, b) =>
        b.count - a.count || provinceOrder.get(a.province.slug)! - provinceOrder.get(b.province.slug)!,
    ),
    byStatus: [...status].map(([s, count]) => ({ status: s, count })),
  };
}
