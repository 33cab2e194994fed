/**
 * Planning the sample's products: every facility makes one, the rest go to larger facilities
 * more often; each is its facility's main product or a related one, under a name unique at the
 * facility.
 */
import type { FacilityType } from '~/catalogue/programme';
import { foldForMatch } from '~/text/vietnamese';
import { KINDS } from './kinds';
import { PLACES } from './places';
import { genericTemplates, type PlannedEntry, type PlannedFacility, type PlannedProduct } from './plan';
import type { Rng } from './prng';
import { QUALIFIERS, TEMPLATES, type Template } from './templates';

/** How much more likely a facility of each type is to get one more product. */
const TYPE_WEIGHT: Record<FacilityType, number> = {
  company: 3,
  cooperative: 2.5,
  cooperative_group: 1.5,
  household: 1,
  other: 1,
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Plans the products (added to each facility's list) and returns them all in facility order. */
export function planProducts(
  rng: Rng,
  facilities: readonly PlannedFacility[],
  target: number,
): PlannedEntry[] {
  const counts = productCounts(rng, facilities, target);
  const planned: PlannedEntry[] = [];
  facilities.forEach((facility, fi) => {
    const names = new Set<string>();
    for (let n = 0; n < counts[fi]!; n++) {
      const { key, place } = chooseTemplate(rng, facility, n);
      const template = TEMPLATES[key]!;
      const { vi, en } = uniqueName(rng, template, place, names);
      names.add(foldForMatch(vi));
      const product: PlannedProduct = { name: vi, en, template, place, certs: [] };
      facility.products.push(product);
      planned.push({ facility, product });
    }
  });
  return planned;
}

/** Products per facility: one each, then every extra one to a facility drawn by weight. */
function productCounts(rng: Rng, facilities: readonly PlannedFacility[], target: number): number[] {
  const counts = facilities.map(() => 1);
  const cumulative: number[] = [];
  let total = 0;
  for (const f of facilities) {
    total += TYPE_WEIGHT[f.type] * (0.5 + rng.float());
    cumulative.push(total);
  }
  for (let extra = target - facilities.length; extra > 0; extra--) {
    const r = rng.float() * total;
    // The first facility whose cumulative weight passes r (binary search: thousands of draws).
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
  }
  return counts;
}

/**
 * The facility's main template for its first product; later ones sometimes switch to another
 * product of the same group: a local speciality of the province, or a generic one.
 */
function chooseTemplate(rng: Rng, facility: PlannedFacility, n: number): { key: string; place: string } {
  let key = facility.primary.key;
  let place = facility.primary.place;
  if (n > 0 && rng.chance(0.4)) {
    const group = KINDS[TEMPLATES[key]!.kind].group;
    const local = PLACES[facility.former]!.crafts.filter(([k]) => KINDS[TEMPLATES[k]!.kind].group === group);
    if (local.length > 0 && rng.chance(0.5)) [key, place] = rng.pick(local);
    else {
      const generic = genericTemplates(group, facility.region);
      key = rng.weighted(
        generic,
        generic.map(([, t]) => t.generic ?? 1),
      )[0];
      place = rng.chance(0.5) ? facility.district : facility.former;
    }
  }
  return { key, place };
}

/**
 * A Vietnamese and English name not yet used at the facility (compared as the import does,
 * without case and diacritics): qualifiers are added after the first attempt, a grade last.
 */
function uniqueName(
  rng: Rng,
  template: Template,
  place: string,
  taken: ReadonlySet<string>,
): { vi: string; en: string } {
  const group = KINDS[template.kind].group;
  let vi = '';
  let en = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const [tVi, tEn] = rng.pick(template.names);
    const model = tVi.includes('{m}') ? modelCode(rng, tVi) : '';
    vi = tVi.replace('{p}', place).replace('{m}', model);
    en = capitalise(tEn.replace('{p}', place).replace('{m}', model));
    if (attempt > 0 && (attempt > 3 || rng.chance(0.5))) {
      const [qVi, qEn] = rng.pick(QUALIFIERS[group]!);
      vi = `${vi} ${qVi}`;
      en = `${capitalise(qEn)} ${en.charAt(0).toLowerCase()}${en.slice(1)}`;
    }
    if (attempt >= 15) {
      vi = `${vi} loại ${attempt - 13}`;
      en = `${en}, grade ${attempt - 13}`;
    }
    if (!taken.has(foldForMatch(vi))) break;
  }
  return { vi, en };
}

/** A machine model code from the name's initials and a size ("MT-200S"). */
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
