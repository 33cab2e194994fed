/**
 * The seeded sample catalogue: facilities, certified products, certificates and listings at the
 * programme's real scale by default (about 2,150 regional and national certificates from the
 * 2012–2024 rounds on about 1,700 facilities, plus province, district and commune
 * certificates). Deterministic: the same options give the same data, byte for byte. No
 * Math.random, no clock. The registry goes through the import's merge so the sample follows
 * exactly the identity and id rules an import of the same lists would.
 */
import type { CatalogueData } from '~/catalogue/catalogue';
import { coreName, facilityKey, provinceUnit } from '~/catalogue/import/identity';
import { mergeRegistry, type RegistryRow } from '~/catalogue/import/index';
import {
  type FacilityType,
  FIRST_ROUND_YEAR,
  type Level,
  type ProductGroup,
  type Region,
} from '~/catalogue/programme';
import { FORMER_PROVINCES, findProvince } from '~/catalogue/provinces';
import type { Certificate, Facility, Listing, Product, Variant, WholesaleTier } from '~/catalogue/schemas';
import { foldForMatch } from '~/text/vietnamese';
import { KINDS, type Kind, type PackTemplate } from './kinds';
import { BRANDS, COMMUNES, FEMALE, MALE, PLACES, SURNAMES } from './places';
import { Rng } from './prng';
import { QUALIFIERS, TEMPLATES, type Template } from './templates';

export const DEFAULT_PRODUCTS = 3000;
export const DEFAULT_SEED = 2025;
/** Facilities per product at the default scale (about 1,700 facilities for 3,000 products). */
const FACILITIES_PER_PRODUCT = 1700 / 3000;
/** The sample's "today": revocations and the 2025 rounds are dated before it. */
const SAMPLE_TODAY = '2025-11-15';
const MERGER_DAY = '2025-07-01';

/** Regional rounds (even years) and national rounds (odd years), at the default scale. */
const REGIONAL_ROUNDS: Record<number, number> = {
  2012: 140,
  2014: 185,
  2016: 205,
  2018: 235,
  2020: 225,
  2022: 250,
  2024: 270,
};
const NATIONAL_ROUNDS: Record<number, number> = { 2015: 70, 2017: 90, 2019: 110, 2021: 200, 2023: 173 };

export interface SampleOptions {
  products?: number;
  seed?: number;
  /** Called as work progresses (fraction 0–1). */
  onProgress?: (fraction: number, stage: string) => void;
}

interface PlannedCert {
  level: Level;
  year: number;
  issuedOn?: string;
  decision: string;
  number?: string;
  score?: number;
  asListed: string;
}

interface PlannedProduct {
  name: string;
  en: string;
  template: Template;
  place: string;
  certs: PlannedCert[];
}

interface PlannedFacility {
  name: string;
  type: FacilityType;
  former: string;
  current: string;
  region: Region;
  district: string;
  commune: string;
  primary: { key: string; place: string };
  products: PlannedProduct[];
  phone?: string;
  email?: string;
  website?: string;
  lead: string;
}

const GROUP_WEIGHTS: Record<ProductGroup, number> = {
  food: 0.5,
  handicraft: 0.28,
  machinery: 0.1,
  other: 0.12,
};
const GROUPS = Object.keys(GROUP_WEIGHTS) as ProductGroup[];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateOf = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(Math.min(day, 28))}`;
const round1000 = (n: number) => Math.max(1000, Math.round(n / 1000) * 1000);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function scaleQuota(quota: number, products: number): number {
  return Math.round((quota * products) / 3000);
}

/** Unique short codes for the former provinces ("Hà Nội" → HN, "Hà Nam" → HNA). */
function provinceCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of FORMER_PROVINCES) {
    const words = foldForMatch(p.name).toUpperCase().split(' ');
    let code = words.map((w) => w[0]).join('');
    for (let extra = 1; taken.has(code); extra++) {
      const last = words[words.length - 1]!;
      code =
        words
          .slice(0, -1)
          .map((w) => w[0])
          .join('') + last.slice(0, 1 + extra);
    }
    taken.add(code);
    codes.set(p.name, code);
  }
  return codes;
}

function genericTemplates(group: ProductGroup, region: Region): [string, Template][] {
  return Object.entries(TEMPLATES).filter(
    ([, t]) =>
      t.generic !== undefined && KINDS[t.kind].group === group && (!t.regions || t.regions.includes(region)),
  );
}

function modelCode(rng: Rng, name: string): string {
  const initials = foldForMatch(name.replace(/\{m\}/, ''))
    .split(' ')
    .filter((w) => w !== 'may' && w !== '')
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const size = rng.pick([50, 80, 100, 120, 150, 200, 250, 300, 500, 800, 1000, 1200, 1500, 2000]);
  return `${initials || 'M'}-${size}${rng.chance(0.3) ? rng.pick(['A', 'B', 'S', 'X']) : ''}`;
}

function phoneNumber(rng: Rng): string {
  if (rng.chance(0.7)) {
    const prefix = rng.pick([
      '090',
      '091',
      '093',
      '094',
      '096',
      '097',
      '098',
      '086',
      '088',
      '032',
      '033',
      '035',
      '036',
      '038',
      '039',
      '070',
      '077',
      '079',
      '081',
      '083',
      '085',
    ]);
    const d = `${prefix}${pad(rng.int(0, 9_999_999), 7)}`;
    return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  }
  return `02${pad(rng.int(3, 99))} ${rng.int(3, 8)}${pad(rng.int(0, 999), 3)} ${pad(rng.int(0, 999), 3)}`;
}

function person(rng: Rng): string {
  return `${rng.pick(SURNAMES)} ${rng.chance(0.55) ? rng.pick(MALE) : rng.pick(FEMALE)}`;
}

function asciiCompact(text: string): string {
  return foldForMatch(text).replace(/ /g, '');
}

export function generateSample(options: SampleOptions = {}): CatalogueData {
  const productsTarget = Math.max(1, Math.floor(options.products ?? DEFAULT_PRODUCTS));
  const seed = Math.floor(options.seed ?? DEFAULT_SEED);
  const progress = options.onProgress ?? (() => {});
  const rng = new Rng(seed);
  const codes = provinceCodes();

  // ── Facilities ──────────────────────────────────────────────────────────────────────────
  const facilityCount = Math.max(
    1,
    Math.min(productsTarget, Math.round(productsTarget * FACILITIES_PER_PRODUCT)),
  );
  const formerNames = FORMER_PROVINCES.map((p) => p.name);
  const formerWeights = formerNames.map((n) => PLACES[n]?.weight ?? 1);
  const facilities: PlannedFacility[] = [];
  const facilityKeys = new Set<string>();
  const fRng = rng.fork('facilities');

  for (let i = 0; i < facilityCount; i++) {
    // The first 63 facilities cover every former province (and so all 34 current ones).
    const former = i < formerNames.length ? formerNames[i]! : fRng.weighted(formerNames, formerWeights);
    const formerInfo = FORMER_PROVINCES.find((p) => p.name === former)!;
    const info = PLACES[former]!;
    const region = formerInfo.region;

    let primary: { key: string; place: string };
    if (info.crafts.length > 0 && fRng.chance(0.6)) {
      const [key, place] = fRng.pick(info.crafts);
      primary = { key, place };
    } else {
      const group = fRng.weighted(
        GROUPS,
        GROUPS.map((g) => GROUP_WEIGHTS[g]),
      );
      const options = genericTemplates(group, region);
      const [key] = fRng.weighted(
        options,
        options.map(([, t]) => t.generic ?? 1),
      );
      primary = { key, place: fRng.chance(0.55) ? fRng.pick(info.districts) : former };
    }
    const kind: Kind = KINDS[TEMPLATES[primary.key]!.kind];
    const type = fRng.weighted<FacilityType>(
      ['company', 'cooperative', 'household', 'cooperative_group', 'other'],
      [0.32, 0.33, 0.27, 0.05, 0.03],
    );
    const district = fRng.pick(info.districts);
    let name = '';
    for (let attempt = 0; attempt < 12; attempt++) {
      const brand = fRng.pick(BRANDS);
      const place = attempt < 2 ? primary.place : fRng.pick([...info.districts, ...COMMUNES]);
      switch (type) {
        case 'company':
          name = fRng.pick([
            `Công ty TNHH ${kind.trade} ${brand}`,
            `Công ty Cổ phần ${kind.trade} ${place}`,
            `Công ty TNHH MTV ${brand}`,
            `Công ty TNHH Sản xuất và Thương mại ${brand}`,
            `Doanh nghiệp tư nhân ${brand}`,
          ]);
          break;
        case 'cooperative':
          name = fRng.pick([
            `Hợp tác xã ${kind.trade} ${place}`,
            `HTX ${kind.trade} ${brand}`,
            `Hợp tác xã Nông nghiệp ${place}`,
            `Hợp tác xã Dịch vụ ${kind.trade} ${place}`,
          ]);
          break;
        case 'household':
          name = fRng.pick([
            `Hộ kinh doanh ${person(fRng)}`,
            `Cơ sở ${kind.trade} ${brand}`,
            `Cơ sở sản xuất ${kind.trade} ${person(fRng)}`,
          ]);
          break;
        case 'cooperative_group':
          name = `Tổ hợp tác ${kind.trade} ${place}`;
          break;
        default:
          name = `Làng nghề ${kind.trade} ${place}`;
      }
      if (attempt >= 8) name = `${name} ${brand}`;
      if (!facilityKeys.has(facilityKey(name, formerInfo.current))) break;
    }
    if (facilityKeys.has(facilityKey(name, formerInfo.current))) name = `${name} ${i + 1}`;
    facilityKeys.add(facilityKey(name, formerInfo.current));

    const slug = asciiCompact(coreName(name)).slice(0, 24);
    // Sample contacts use the reserved .example domain (RFC 2606): no real mailbox or site can
    // ever receive mail or visits meant for made-up facilities.
    const website = type === 'company' && fRng.chance(0.3) ? `https://${slug}.example` : undefined;
    const email = website
      ? `lienhe@${slug}.example`
      : fRng.chance(0.3)
        ? `${slug}${fRng.int(1, 99)}@mail.example`
        : undefined;
    const lead =
      type === 'company' && fRng.chance(0.5)
        ? `Số ${fRng.int(1, 250)}, đường ${fRng.pick(['Quang Trung', 'Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Huệ', 'Hùng Vương', 'Lý Thường Kiệt', 'Hai Bà Trưng'])}`
        : region === 'south'
          ? `Ấp ${fRng.pick(['Tân Thới', 'Phú Hòa', 'Long Bình', 'An Thạnh', 'Mỹ Hiệp', 'Bình Phú', String(fRng.int(1, 9))])}`
          : `${fRng.pick(['Thôn', 'Xóm', 'Khu'])} ${fRng.chance(0.5) ? fRng.int(1, 12) : fRng.pick(['Đông', 'Đoài', 'Trung', 'Thượng', 'Hạ', 'Tân Lập'])}`;
    facilities.push({
      name,
      type,
      former,
      current: formerInfo.current,
      region,
      district,
      commune:
        fRng.chance(0.5) &&
        TEMPLATES[primary.key]!.generic === undefined &&
        ![former, formerInfo.current].some((n) => foldForMatch(n) === foldForMatch(primary.place))
          ? primary.place
          : fRng.pick(COMMUNES),
      primary,
      products: [],
      ...(fRng.chance(0.85) && { phone: phoneNumber(fRng) }),
      ...(email && { email }),
      ...(website && { website }),
      lead,
    });
  }
  progress(0.1, 'facilities');

  // ── Products: every facility has one, the rest go to larger facilities more often ─────────
  const pRng = rng.fork('products');
  const counts = facilities.map(() => 1);
  const typeWeight: Record<FacilityType, number> = {
    company: 3,
    cooperative: 2.5,
    cooperative_group: 1.5,
    household: 1,
    other: 1,
  };
  const cumulative: number[] = [];
  let total = 0;
  for (const f of facilities) {
    total += typeWeight[f.type] * (0.5 + pRng.float());
    cumulative.push(total);
  }
  for (let extra = productsTarget - facilities.length; extra > 0; extra--) {
    const r = pRng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
  }

  const allProducts: { facility: PlannedFacility; product: PlannedProduct }[] = [];
  facilities.forEach((facility, fi) => {
    const info = PLACES[facility.former]!;
    const names = new Set<string>();
    for (let n = 0; n < counts[fi]!; n++) {
      let key = facility.primary.key;
      let place = facility.primary.place;
      if (n > 0 && pRng.chance(0.4)) {
        const group = KINDS[TEMPLATES[key]!.kind].group;
        const local = info.crafts.filter(([k]) => KINDS[TEMPLATES[k]!.kind].group === group);
        if (local.length > 0 && pRng.chance(0.5)) [key, place] = pRng.pick(local);
        else {
          const generic = genericTemplates(group, facility.region);
          key = pRng.weighted(
            generic,
            generic.map(([, t]) => t.generic ?? 1),
          )[0];
          place = pRng.chance(0.5) ? facility.district : facility.former;
        }
      }
      const template = TEMPLATES[key]!;
      const group = KINDS[template.kind].group;
      let vi = '';
      let en = '';
      for (let attempt = 0; attempt < 20; attempt++) {
        const [tVi, tEn] = pRng.pick(template.names);
        const model = tVi.includes('{m}') ? modelCode(pRng, tVi) : '';
        vi = tVi.replace('{p}', place).replace('{m}', model);
        en = capitalise(tEn.replace('{p}', place).replace('{m}', model));
        if (attempt > 0 && (attempt > 3 || pRng.chance(0.5))) {
          const [qVi, qEn] = pRng.pick(QUALIFIERS[group]!);
          vi = `${vi} ${qVi}`;
          en = `${capitalise(qEn)} ${en.charAt(0).toLowerCase()}${en.slice(1)}`;
        }
        if (attempt >= 15) {
          vi = `${vi} loại ${attempt - 13}`;
          en = `${en}, grade ${attempt - 13}`;
        }
        if (!names.has(foldForMatch(vi))) break;
      }
      names.add(foldForMatch(vi));
      const product: PlannedProduct = { name: vi, en, template, place, certs: [] };
      facility.products.push(product);
      allProducts.push({ facility, product });
    }
  });
  progress(0.25, 'products');

  // ── Certificates ────────────────────────────────────────────────────────────────────────
  const cRng = rng.fork('certificates');
  const regionalHolders = new Map<number, number[]>(); // round year → product indexes
  const hasHigh = new Set<number>();
  const lastRegional = new Map<number, number>();
  const order = cRng.shuffle(allProducts.map((_, i) => i));
  let cursor = 0;
  const nextFresh = (): number | undefined => (cursor < order.length ? order[cursor++] : undefined);

  const roundDecision = new Map<string, { decision: string; date: string }>();
  const decisionFor = (body: string, year: number, earliest?: string): { decision: string; date: string } => {
    const k = `${body}|${year}|${earliest ?? ''}`;
    let d = roundDecision.get(k);
    if (!d) {
      const national = body.startsWith('BCT');
      const month = earliest
        ? cRng.int(Number(earliest.slice(5, 7)), 11)
        : national
          ? cRng.int(9, 12)
          : year === 2025
            ? cRng.int(1, 6)
            : cRng.int(3, 12);
      const date = dateOf(year, month, cRng.int(1, 28));
      d = {
        decision: `${cRng.int(national ? 1000 : 100, national ? 4200 : 3999)}/QĐ-${national ? 'BCT' : 'UBND'}`,
        date,
      };
      roundDecision.set(k, d);
    }
    return d;
  };
  const seq = new Map<string, number>();
  const nextSeq = (k: string) => {
    const n = (seq.get(k) ?? 0) + 1;
    seq.set(k, n);
    return n;
  };
  const asListedOn = (former: string, current: string, date: string): string => {
    if (date >= MERGER_DAY) return current;
    if (former === 'Thừa Thiên Huế' && date >= '2025-01-01') return 'Huế';
    return former;
  };
  const score = (min: number, max: number, p: number) => (cRng.chance(p) ? cRng.int(min, max) : undefined);

  const addCert = (pi: number, level: Level, year: number) => {
    const { facility, product } = allProducts[pi]!;
    const code = codes.get(facility.former)!;
    let body: string;
    let earliest: string | undefined;
    if (level === 'national') body = 'BCT';
    else if (level === 'regional') body = `BCT-${facility.region}`;
    else if (level === 'commune') {
      body = `UBND-xa-${facility.commune}-${facility.current}`;
      earliest = '2025-07-15';
    } else if (level === 'district') body = `UBND-huyen-${facility.district}-${facility.former}`;
    else if (year === 2025 && cRng.chance(0.5)) {
      body = `UBND-${facility.current}`;
      earliest = '2025-07-15';
    } else body = `UBND-${facility.former}`;
    const { decision, date } = decisionFor(body, year, earliest);
    const asListed = asListedOn(facility.former, facility.current, date);
    let number: string | undefined;
    if (level === 'national' && cRng.chance(year <= 2015 ? 0.6 : 0.92))
      number = `QG${year}-${pad(nextSeq(`qg${year}`), 3)}`;
    if (level === 'regional' && cRng.chance(year <= 2014 ? 0.5 : 0.88)) {
      const r = { north: 'B', central: 'T', south: 'N' }[facility.region];
      number = `KV${year}-${r}${pad(nextSeq(`kv${year}${r}`), 3)}`;
    }
    if (level === 'province' && cRng.chance(0.6)) {
      const c = asListed === facility.former ? code : `${code}M`;
      number = `T${year}-${c}-${pad(nextSeq(`t${year}${c}`), 3)}`;
    }
    const s =
      level === 'national'
        ? score(78, 99, 0.85)
        : level === 'regional'
          ? score(72, 97, 0.8)
          : level === 'province'
            ? score(70, 95, 0.7)
            : score(65, 92, 0.45);
    product.certs.push({
      level,
      year,
      ...(!(year <= 2016 && cRng.chance(0.15)) && { issuedOn: date }),
      decision,
      ...(number && { number }),
      ...(s !== undefined && { score: s }),
      asListed,
    });
  };

  // Regional rounds, then national rounds drawn mostly from the previous regional round.
  for (const [yearText, quota] of Object.entries(REGIONAL_ROUNDS)) {
    const year = Number(yearText);
    const holders: number[] = [];
    const n = scaleQuota(quota, productsTarget);
    // About 8% are re-certifications of products whose regional certificate has run out.
    const again = cRng.shuffle(
      [...lastRegional.entries()].filter(([, y]) => y <= year - 4).map(([pi]) => pi),
    );
    for (let k = 0; k < n; k++) {
      let pi: number | undefined;
      if (again.length > 0 && cRng.chance(0.08)) pi = again.pop();
      else pi = nextFresh();
      if (pi === undefined) break;
      addCert(pi, 'regional', year);
      lastRegional.set(pi, year);
      hasHigh.add(pi);
      holders.push(pi);
    }
    regionalHolders.set(year, holders);
  }
  for (const [yearText, quota] of Object.entries(NATIONAL_ROUNDS)) {
    const year = Number(yearText);
    const n = scaleQuota(quota, productsTarget);
    const pool = cRng.shuffle([...(regionalHolders.get(year - 1) ?? [])]);
    const earlier = cRng.shuffle(
      [...regionalHolders.entries()].filter(([y]) => y < year - 1).flatMap(([, list]) => list),
    );
    for (let k = 0; k < n; k++) {
      let pi: number | undefined;
      if (cRng.chance(0.82) && pool.length > 0) pi = pool.pop();
      else pi = earlier.length > 0 && cRng.chance(0.5) ? earlier.pop() : nextFresh();
      if (pi === undefined) break;
      if (allProducts[pi]!.product.certs.some((c) => c.level === 'national' && c.year === year)) continue;
      addCert(pi, 'national', year);
      hasHigh.add(pi);
    }
  }
  progress(0.4, 'certificates');

  // Province level: before a regional certificate for many, the only level for the rest.
  const provinceYears = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const provinceWeights = provinceYears.map((y) => 1 + (y - 2012) * 0.25);
  allProducts.forEach(({ product }, pi) => {
    const firstHigh = product.certs.reduce((min, c) => Math.min(min, c.year), Infinity);
    if (hasHigh.has(pi)) {
      if (firstHigh > FIRST_ROUND_YEAR && cRng.chance(0.45)) addCert(pi, 'province', firstHigh - 1);
    } else if (cRng.chance(0.05)) {
      // District or commune level only.
      if (cRng.chance(0.3)) addCert(pi, 'commune', 2025);
      else addCert(pi, 'district', cRng.int(2012, 2024));
    } else {
      const year = cRng.weighted(provinceYears, provinceWeights);
      addCert(pi, 'province', year);
      if (year <= 2020 && cRng.chance(0.2)) addCert(pi, 'province', cRng.int(year + 4, 2025));
    }
    const first = product.certs.reduce((min, c) => Math.min(min, c.year), Infinity);
    if (
      first > 2013 &&
      first < 2025 &&
      cRng.chance(0.08) &&
      !product.certs.some((c) => c.level === 'district')
    ) {
      addCert(pi, 'district', cRng.int(Math.max(FIRST_ROUND_YEAR, first - 3), first - 1));
    }
  });
  progress(0.5, 'certificates');

  // ── Registry through the import's merge ─────────────────────────────────────────────────
  const rows: RegistryRow[] = [];
  let rowNumber = 1;
  for (const facility of facilities) {
    // The address as written on each list: with its district before the 2025 reform, without after.
    const addressOn = (c: PlannedCert): string => {
      const unit = `${provinceUnit(c.asListed)} ${c.asListed}`;
      return c.asListed === facility.current && facility.current !== facility.former
        ? `${facility.lead}, xã ${facility.commune}, ${unit}`
        : (c.issuedOn ?? '') >= MERGER_DAY
          ? `${facility.lead}, xã ${facility.commune}, ${unit}`
          : `${facility.lead}, xã ${facility.commune}, huyện ${facility.district}, ${unit}`;
    };
    for (const product of facility.products) {
      const sorted = [...product.certs].sort(
        (a, b) => a.year - b.year || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? ''),
      );
      for (const c of sorted) {
        rowNumber += 1;
        const province = findProvince(c.asListed);
        if (!province) throw new Error(`sample: unknown province ${c.asListed}`);
        rows.push({
          row: rowNumber,
          ...(c.number && { number: c.number }),
          decision: c.decision,
          level: c.level,
          ...(c.level === 'regional' && { region: facility.region }),
          year: c.year,
          ...(c.issuedOn && { issuedOn: c.issuedOn }),
          productName: product.name,
          group: KINDS[product.template.kind].group,
          facilityName: facility.name,
          address: addressOn(c),
          province,
          ...(c.score !== undefined && { score: c.score }),
          ...(facility.phone && { phone: facility.phone }),
          ...(facility.email && { email: facility.email }),
        });
      }
    }
  }
  const merged = mergeRegistry({ facilities: [], products: [], certificates: [] }, rows);
  if (merged.problems.length > 0) {
    throw new Error(
      `sample: the generated registry does not merge: ${merged.problems
        .slice(0, 3)
        .map((p) => `${p.row} ${p.column} ${p.message}`)
        .join('; ')}`,
    );
  }
  progress(0.65, 'registry');

  // ── Registry extras the lists do not carry: websites, descriptions, revocations, photos ───
  const xRng = rng.fork('extras');
  const plannedByFacilityName = new Map(facilities.map((f) => [f.name, f]));
  const plannedByProduct = new Map<string, { facility: PlannedFacility; product: PlannedProduct }>();
  for (const entry of allProducts)
    plannedByProduct.set(`${entry.facility.name}|${entry.product.name}`, entry);
  const facilityById = new Map<string, Facility>();
  const outFacilities = merged.registry.facilities.map((f) => {
    const plan = plannedByFacilityName.get(f.name)!;
    const kind = KINDS[TEMPLATES[plan.primary.key]!.kind];
    const description = xRng.chance(0.35)
      ? {
          vi: `${f.name} là ${plan.type === 'cooperative' ? 'hợp tác xã' : plan.type === 'household' ? 'cơ sở sản xuất' : 'đơn vị'} chuyên ${kind.trade.toLowerCase()} tại ${plan.primary.place}, ${f.provinceAsListed}, với ${xRng.int(5, 120)} lao động địa phương.`,
          ...(xRng.chance(0.4) && {
            en: `A ${plan.type === 'cooperative' ? 'cooperative' : 'producer'} in ${plan.primary.place}, ${f.province}, employing local workers.`,
          }),
        }
      : undefined;
    const out: Facility = {
      ...f,
      ...(plan.website && { website: plan.website }),
      ...(description && { description }),
      photos: xRng.chance(0.03) ? [`photos/facility-${f.id}.webp`] : [],
    };
    const ordered: Facility = {
      id: out.id,
      name: out.name,
      type: out.type,
      ...(out.address && { address: out.address }),
      province: out.province,
      provinceAsListed: out.provinceAsListed,
      ...(out.phone && { phone: out.phone }),
      ...(out.email && { email: out.email }),
      ...(out.website && { website: out.website }),
      ...(out.description && { description: out.description }),
      photos: out.photos,
    };
    facilityById.set(ordered.id, ordered);
    return ordered;
  });

  const highestLevel = new Map<string, Certificate>();
  const rank: Record<Level, number> = { commune: 1, district: 1, province: 2, regional: 3, national: 4 };
  for (const c of merged.registry.certificates) {
    const h = highestLevel.get(c.productId);
    if (!h || rank[c.level] > rank[h.level] || (rank[c.level] === rank[h.level] && c.year > h.year))
      highestLevel.set(c.productId, c);
  }

  const REASONS = [
    'Cơ sở không duy trì chất lượng sản phẩm như hồ sơ đăng ký bình chọn',
    'Cơ sở ngừng sản xuất sản phẩm và đề nghị thu hồi giấy chứng nhận',
    'Sử dụng biểu trưng của chương trình không đúng quy định',
    'Thông tin trong hồ sơ đăng ký bình chọn không trung thực',
    'Cơ sở đã giải thể',
  ];
  const outCertificates = merged.registry.certificates.map((c) => {
    if (!(c.issuedOn && c.issuedOn < '2024-06-01' && xRng.chance(0.006))) return c;
    const issued = c.issuedOn;
    const year = Math.min(Number(issued.slice(0, 4)) + xRng.int(1, 2), 2025);
    let date = dateOf(year, xRng.int(1, 12), xRng.int(1, 28));
    if (date <= issued) date = dateOf(Number(issued.slice(0, 4)) + 1, 3, 15);
    if (date > SAMPLE_TODAY) date = '2025-06-30';
    const national = c.level === 'national' || c.level === 'regional';
    return {
      ...c,
      revocation: {
        date,
        reason: xRng.pick(REASONS),
        decision: `${xRng.int(100, 4200)}/QĐ-${national ? 'BCT' : 'UBND'}`,
      },
    };
  });
  progress(0.75, 'registry');

  // ── Listings for most products; photos about one per product ────────────────────────────
  const lRng = rng.fork('listings');
  const listingShare: Record<ProductGroup, number> = {
    food: 0.82,
    handicraft: 0.75,
    machinery: 0.55,
    other: 0.72,
  };
  const listings: Listing[] = [];
  const products: Product[] = [];
  merged.registry.products.forEach((p, index) => {
    const facility = facilityById.get(p.facilityId)!;
    const plan = plannedByProduct.get(`${facility.name}|${p.name}`)!;
    const kind = KINDS[plan.product.template.kind];
    const top = highestLevel.get(p.id)!;
    const levelVi = {
      commune: 'cấp xã',
      district: 'cấp huyện',
      province: 'cấp tỉnh',
      regional: 'cấp khu vực',
      national: 'cấp quốc gia',
    }[top.level];
    const levelEn = {
      commune: 'commune',
      district: 'district',
      province: 'province',
      regional: 'regional',
      national: 'national',
    }[top.level];
    const sells = lRng.chance(listingShare[p.group]);
    const productDescription = lRng.chance(0.5)
      ? {
          vi: `${p.name} của ${facility.name} (${facility.provinceAsListed}), sản phẩm công nghiệp nông thôn tiêu biểu ${levelVi} năm ${top.year}.`,
          ...(lRng.chance(0.35) && {
            en: `${plan.product.en} by ${facility.name}, a ${levelEn}-level typical rural industrial product (${top.year}).`,
          }),
        }
      : undefined;
    const product: Product = {
      id: p.id,
      name: p.name,
      group: p.group,
      facilityId: p.facilityId,
      isSet: p.isSet,
      ...(productDescription && { description: productDescription }),
      photos: !sells && lRng.chance(0.4) ? [`photos/${p.id}.webp`] : [],
    };
    products.push(product);
    if (!sells) return;

    const packCount = Math.min(kind.packs.length, lRng.weighted([1, 2, 3], [0.35, 0.45, 0.2]));
    const chosen = kind.packs
      .map((pack, i) => ({ pack, i, r: lRng.float() }))
      .sort((a, b) => a.r - b.r)
      .slice(0, packCount)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.pack);
    const position = lRng.float();
    const skuBase = `${
      foldForMatch(p.name)
        .toUpperCase()
        .split(' ')
        .filter((w) => /^[A-Z]/.test(w))
        .slice(0, 5)
        .map((w) => w[0])
        .join('') || 'SP'
    }-${index.toString(36).toUpperCase().padStart(4, '0')}`;
    const variants: Variant[] = chosen.map((pack: PackTemplate, vi) => {
      const [min, max] = pack.price;
      const price = round1000(
        (min + (max - min) * Math.min(1, Math.max(0, position + (lRng.float() - 0.5) * 0.2))) * 1000,
      );
      const tiers: WholesaleTier[] = [];
      const tierCount = lRng.weighted([0, 1, 2, 3], [0.15, 0.25, 0.35, 0.25]);
      const from = lRng.int(kind.wholesaleFrom[0], kind.wholesaleFrom[1]);
      let minQuantity = from < 10 ? from : Math.round(from / 5) * 5;
      const discounts = [0.92, 0.85, 0.78];
      for (let t = 0; t < tierCount; t++) {
        const unitPrice = round1000(price * discounts[t]!);
        const previous = tiers[tiers.length - 1]?.unitPrice ?? price;
        if (unitPrice >= previous) break;
        tiers.push({ minQuantity, unitPrice });
        minQuantity = minQuantity * lRng.pick([4, 5, 10]);
      }
      const madeToOrder = lRng.chance(kind.madeToOrder);
      const notOnline = !madeToOrder && lRng.chance(0.02);
      const availability = madeToOrder ? 'made_to_order' : notOnline ? 'not_sold_online' : 'in_stock';
      const variant: Variant = {
        sku: `${skuBase}-${vi + 1}`,
        name: { vi: `${p.name} – ${pack.vi}`, en: `${plan.product.en} – ${pack.en}` },
        packSize: pack.vi,
        price,
        wholesaleTiers: tiers,
        minOrderQuantity: tiers[0]?.minQuantity ?? 1,
        availability,
        ...(madeToOrder && { leadTimeDays: lRng.int(kind.leadTime[0], kind.leadTime[1]) }),
        weightGrams: lRng.int(pack.weight[0], pack.weight[1]),
        ...(availability === 'in_stock' && lRng.chance(0.3) && { stock: lRng.int(0, 60) }),
      };
      return variant;
    });
    const place = plan.product.place;
    const groupLine: Record<ProductGroup, string> = {
      food: 'Sản phẩm được chế biến theo công thức truyền thống, nguyên liệu địa phương, đóng gói và ghi nhãn đầy đủ.',
      handicraft:
        'Mỗi sản phẩm được làm thủ công bởi nghệ nhân và thợ lành nghề của làng nghề, nên có thể khác đôi chút về màu sắc và hoa văn.',
      machinery:
        'Máy được chế tạo và lắp ráp tại xưởng, bảo hành 12 tháng, hướng dẫn lắp đặt và vận hành tận nơi.',
      other: 'Sản phẩm làm từ nguyên liệu tự nhiên của địa phương, thân thiện với môi trường.',
    };
    const groupLineEn: Record<ProductGroup, string> = {
      food: 'Made to a traditional recipe from local ingredients, fully packed and labelled.',
      handicraft:
        'Each piece is handmade by the village artisans, so colours and patterns may vary slightly.',
      machinery: 'Built and assembled in the workshop, with a 12-month warranty and on-site setup.',
      other: 'Made from natural local materials.',
    };
    listings.push({
      id: p.id,
      productId: p.id,
      description: {
        vi: `${p.name} do ${facility.name} sản xuất tại ${place}. ${groupLine[p.group]} Sản phẩm công nghiệp nông thôn tiêu biểu ${levelVi} năm ${top.year}.`,
        ...(lRng.chance(0.35) && {
          en: `${plan.product.en}, made by ${facility.name} in ${place}. ${groupLineEn[p.group]} Certified ${levelEn}-level typical rural industrial product (${top.year}).`,
        }),
      },
      photos: lRng.chance(0.15) ? [`photos/${p.id}.webp`, `photos/${p.id}-2.webp`] : [`photos/${p.id}.webp`],
      variants,
    });
    if (index % 500 === 0) progress(0.75 + (0.25 * index) / merged.registry.products.length, 'listings');
  });
  progress(1, 'done');

  return {
    dataset: { id: 'dataset', sample: true, generatedBy: 'npm run sample', seed },
    facilities: outFacilities,
    products,
    certificates: outCertificates,
    listings,
  };
}
