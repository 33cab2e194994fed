/**
 * Vietnam's 34 current provinces (since 1 Jul 2025) and the 63 former ones, with the
 * former → current mapping. Names match regardless of diacritics, old-style tone marks
 * ("Hoà"/"Hòa"), case, and prefixes like "Tỉnh" or "TP.".
 */
import data from '#content/reference/provinces-2025.json';
import { foldForMatch, slugify } from '~/text/vietnamese';
import type { Region } from './programme';

export interface CurrentProvince {
  name: string;
  slug: string;
  kind: 'province' | 'city';
  region: Region;
  formedFrom: string[];
}

export interface ProvinceMatch {
  /** Today's province. */
  current: CurrentProvince;
  /** The name as it was officially spelled when written (a former or current province). */
  canonicalAsListed: string;
  /** True when the name is one of the 63 former provinces that no longer exists as such. */
  isFormer: boolean;
}

export const CURRENT_PROVINCES: readonly CurrentProvince[] = data.current.map((p) => ({
  name: p.name,
  slug: slugify(p.name),
  kind: p.kind as 'province' | 'city',
  region: p.region as Region,
  formedFrom: p.formedFrom,
}));

export const FORMER_PROVINCES: readonly { name: string; current: string; region: Region }[] = data.former.map(
  (p) => ({ name: p.name, current: p.current, region: p.region as Region }),
);

const byCurrentName = new Map(CURRENT_PROVINCES.map((p) => [p.name, p]));

/** Administrative prefixes people write before a province name. */
const PREFIX = /^(tinh|thanh pho|tp|t p)\s+/;

function key(name: string): string {
  return foldForMatch(name).replace(PREFIX, '').trim();
}

const index = new Map<string, ProvinceMatch>();
for (const p of CURRENT_PROVINCES) {
  index.set(key(p.name), { current: p, canonicalAsListed: p.name, isFormer: false });
}
for (const f of FORMER_PROVINCES) {
  const k = key(f.name);
  if (index.has(k)) continue; // the province kept its name
  index.set(k, { current: byCurrentName.get(f.current)!, canonicalAsListed: f.name, isFormer: true });
}
for (const [alias, target] of Object.entries(data.aliases as Record<string, string>)) {
  const k = key(alias);
  if (index.has(k)) continue;
  const targetMatch = index.get(key(target));
  if (targetMatch) index.set(k, targetMatch);
}

/** Resolves a province name (current, former, alias; any spelling) or returns undefined. */
export function findProvince(name: string): ProvinceMatch | undefined {
  return index.get(key(name)) ?? index.get(key(name).replace(/ /g, ''));
}

export function currentProvinceBySlug(slug: string): CurrentProvince | undefined {
  return CURRENT_PROVINCES.find((p) => p.slug === slug);
}

export function currentProvinceByName(name: string): CurrentProvince | undefined {
  return byCurrentName.get(name);
}
