/**
 * Identity rules of the registry (docs/import-format.md, "Identity"):
 * - a facility is its name without legal-form words, folded, plus today's province;
 * - a product is its folded name within its facility;
 * - a certificate is its printed number when the list gives one, else product + level + year
 *   (+ region).
 * Also the stable, URL-safe ids derived from them. Pure functions, no framework imports.
 */
import { createHash } from 'node:crypto';
import type { FacilityType, Level, Region } from '~/catalogue/programme';
import { currentProvinceByName } from '~/catalogue/provinces';
import { foldForMatch, slugify } from '~/text/vietnamese';
import { numberKey } from '../certificate-number';

export { numberKey };

/** Legal-form words, folded; longer phrases first so "cong ty tnhh" goes before "cong ty". */
const LEGAL_PREFIXES = [
  'lien hiep hop tac xa',
  'cong ty trach nhiem huu han mot thanh vien',
  'cong ty trach nhiem huu han hai thanh vien tro len',
  'cong ty trach nhiem huu han',
  'cong ty co phan',
  'cong ty hop danh',
  'cong ty tnhh',
  'cong ty cp',
  'cong ty',
  'cty tnhh',
  'cty cp',
  'cty',
  'ctcp',
  'doanh nghiep tu nhan',
  'doanh nghiep',
  'dntn',
  'hop tac xa',
  'htx',
  'ho kinh doanh ca the',
  'ho kinh doanh',
  'hkd',
  'co so san xuat',
  'co so',
  'to hop tac',
  'tht',
  'mot thanh vien',
  'hai thanh vien tro len',
  'mtv',
  'tnhh',
  'co phan',
].sort((a, b) => b.length - a.length);

const LEGAL_SUFFIXES = [
  'joint stock company',
  'company limited',
  'co ltd',
  'ltd',
  'jsc',
  'tnhh',
  'mtv',
  'cooperative',
].sort((a, b) => b.length - a.length);

/** The name without legal-form words, folded ("Công ty TNHH Gốm Minh Long" → "gom minh long"). */
export function coreName(name: string): string {
  const folded = foldForMatch(name);
  let core = folded;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of LEGAL_PREFIXES) {
      if (core === p) break;
      if (core.startsWith(`${p} `)) {
        core = core.slice(p.length + 1);
        changed = true;
        break;
      }
    }
    for (const s of LEGAL_SUFFIXES) {
      if (core.endsWith(` ${s}`)) {
        core = core.slice(0, -(s.length + 1));
        changed = true;
        break;
      }
    }
  }
  return core === '' ? folded : core;
}

/** The kind of facility from the legal-form words in its name. */
export function inferFacilityType(name: string): FacilityType {
  const f = foldForMatch(name);
  const starts = (...ps: string[]) => ps.some((p) => f === p || f.startsWith(`${p} `));
  if (starts('to hop tac', 'tht')) return 'cooperative_group';
  if (starts('hop tac xa', 'htx', 'lien hiep hop tac xa')) return 'cooperative';
  if (starts('cong ty', 'cty', 'ctcp', 'doanh nghiep', 'dntn')) return 'company';
  if (starts('ho kinh doanh', 'hkd', 'co so')) return 'household';
  if (/ (jsc|co ltd|company limited|ltd)$/.test(f) || /\bcong ty\b/.test(f)) return 'company';
  if (/\b(hop tac xa|htx)\b/.test(f)) return 'cooperative';
  return 'other';
}

/** Facility identity key: core name + today's province. */
export function facilityKey(name: string, currentProvince: string): string {
  return `${coreName(name)}|${slugify(currentProvince)}`;
}

/** Product identity key within a facility. */
export function productKey(facilityKeyValue: string, productName: string): string {
  return `${facilityKeyValue}|${foldForMatch(productName)}`;
}

/** Certificate identity without a printed number: product + level + year (+ region). */
export function derivedCertificateKey(
  productKeyValue: string,
  level: Level,
  year: number,
  region?: Region,
): string {
  return `${productKeyValue}|${level}|${year}|${region ?? ''}`;
}

export const LEVEL_ID_PREFIX: Record<Level, string> = {
  national: 'qg',
  regional: 'kv',
  province: 'tinh',
  district: 'huyen',
  commune: 'xa',
};

export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Joins slug parts with hyphens, cutting at a word boundary to stay within maxLength. */
export function joinSlug(parts: readonly string[], maxLength = 110): string {
  const joined = parts.filter((p) => p !== '').join('-');
  return slugify(joined, maxLength) || 'x';
}

/** Is a product name a product set ("Bộ ấm chén …")? Checked before folding: "Bò khô" is not a set. */
export function looksLikeSet(productName: string): boolean {
  return /^bộ\s/iu.test(productName.normalize('NFC').trim());
}

/** "tỉnh" or "thành phố", as the province named on the list is styled. */
export function provinceUnit(asListed: string): string {
  return currentProvinceByName(asListed)?.kind === 'city' ? 'thành phố' : 'tỉnh';
}

const DISTRICT_UNIT = /^(huyện|quận|thị xã|thành phố)\s+(.+)$/iu;
const COMMUNE_UNIT = /^(xã|phường|thị trấn)\s+(.+)$/iu;

/** Finds the district or commune named in an address ("…, xã Bát Tràng, huyện Gia Lâm, …"). */
export function localUnitFromAddress(
  address: string | undefined,
  kind: 'district' | 'commune',
  asListed: string,
): string | undefined {
  if (!address) return undefined;
  const province = foldForMatch(asListed);
  for (const segment of address.split(',').map((s) => s.trim())) {
    const m = (kind === 'district' ? DISTRICT_UNIT : COMMUNE_UNIT).exec(segment);
    if (!m) continue;
    if (foldForMatch(m[2]!) === province) continue; // "thành phố Hà Nội" is the province itself
    return `${m[1]!.toLowerCase()} ${m[2]!.trim()}`;
  }
  return undefined;
}

/**
 * The issuing body as named on the day: the Ministry for national and regional rounds, the
 * province's (or district's, commune's) People's Committee otherwise.
 */
export function defaultIssuer(level: Level, provinceAsListed: string, address?: string): string {
  const province = `${provinceUnit(provinceAsListed)} ${provinceAsListed}`;
  switch (level) {
    case 'national':
    case 'regional':
      return 'Bộ Công Thương';
    case 'province':
      return `UBND ${province}`;
    case 'district': {
      const unit = localUnitFromAddress(address, 'district', provinceAsListed);
      return unit ? `UBND ${unit}, ${province}` : `UBND cấp huyện, ${province}`;
    }
    case 'commune': {
      const unit = localUnitFromAddress(address, 'commune', provinceAsListed);
      return unit ? `UBND ${unit}, ${province}` : `UBND cấp xã, ${province}`;
    }
  }
}

/** Hands out unique ids: first the ids already in use, then new ones in a deterministic order. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  reserve(id: string): void {
    this.taken.add(id);
  }

  /** The first free id among the candidates, else the last candidate with -2, -3, … */
  allocate(candidates: readonly string[]): string {
    for (const c of candidates) {
      if (c && !this.taken.has(c)) {
        this.taken.add(c);
        return c;
      }
    }
    const base = candidates[candidates.length - 1] || 'x';
    for (let n = 2; ; n++) {
      const id = `${slugify(base, 110)}-${n}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}
