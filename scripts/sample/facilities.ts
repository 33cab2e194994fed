/**
 * Planning the sample's facilities: where each is, what it mainly makes, its legal form, a name
 * no other facility in its province shares (by the import's identity rule), and its contacts.
 */
import { coreName, facilityKey } from '~/catalogue/import/identity';
import type { FacilityType, ProductGroup, Region } from '~/catalogue/programme';
import { FORMER_PROVINCES } from '~/catalogue/provinces';
import { foldForMatch } from '~/text/vietnamese';
import { KINDS, type Kind } from './kinds';
import { BRANDS, COMMUNES, FEMALE, MALE, PLACES, type PlaceInfo, SURNAMES } from './places';
import { genericTemplates, type PlannedFacility, pad } from './plan';
import type { Rng } from './prng';
import { TEMPLATES } from './templates';

/** Facilities per product at the default scale (about 1,700 facilities for 3,000 products). */
const FACILITIES_PER_PRODUCT = 1700 / 3000;

const GROUP_WEIGHTS: Record<ProductGroup, number> = {
  food: 0.5,
  handicraft: 0.28,
  machinery: 0.1,
  other: 0.12,
};
const GROUPS = Object.keys(GROUP_WEIGHTS) as ProductGroup[];

type Primary = PlannedFacility['primary'];

/** At least one facility, and never more facilities than products (each has one). */
export function facilityCountFor(products: number): number {
  return Math.max(1, Math.min(products, Math.round(products * FACILITIES_PER_PRODUCT)));
}

export function planFacilities(rng: Rng, count: number): PlannedFacility[] {
  const formerNames = FORMER_PROVINCES.map((p) => p.name);
  const formerWeights = formerNames.map((n) => PLACES[n]?.weight ?? 1);
  const facilities: PlannedFacility[] = [];
  const takenKeys = new Set<string>();
  for (let i = 0; i < count; i++) {
    // The first 63 facilities cover every former province (and so all 34 current ones).
    const former = i < formerNames.length ? formerNames[i]! : rng.weighted(formerNames, formerWeights);
    facilities.push(planFacility(rng, i, former, takenKeys));
  }
  return facilities;
}

function planFacility(rng: Rng, index: number, former: string, takenKeys: Set<string>): PlannedFacility {
  const formerInfo = FORMER_PROVINCES.find((p) => p.name === former)!;
  const info = PLACES[former]!;
  const region = formerInfo.region;
  const primary = choosePrimary(rng, info, former, region);
  const kind: Kind = KINDS[TEMPLATES[primary.key]!.kind];
  const type = rng.weighted<FacilityType>(
    ['company', 'cooperative', 'household', 'cooperative_group', 'other'],
    [0.32, 0.33, 0.27, 0.05, 0.03],
  );
  const district = rng.pick(info.districts);
  const name = uniqueName(rng, { type, kind, primary, info }, formerInfo.current, index, takenKeys);
  const { website, email } = onlineContacts(rng, name, type);
  const lead = addressLead(rng, type, region);
  return {
    name,
    type,
    former,
    current: formerInfo.current,
    region,
    district,
    commune: communeOf(rng, primary, [former, formerInfo.current]),
    primary,
    products: [],
    ...(rng.chance(0.85) && { phone: phoneNumber(rng) }),
    ...(email && { email }),
    ...(website && { website }),
    lead,
  };
}

/** A local speciality of the province more often than not, else a generic product of a weighted group. */
function choosePrimary(rng: Rng, info: PlaceInfo, former: string, region: Region): Primary {
  if (info.crafts.length > 0 && rng.chance(0.6)) {
    const [key, place] = rng.pick(info.crafts);
    return { key, place };
  }
  const group = rng.weighted(
    GROUPS,
    GROUPS.map((g) => GROUP_WEIGHTS[g]),
  );
  const options = genericTemplates(group, region);
  const [key] = rng.weighted(
    options,
    options.map(([, t]) => t.generic ?? 1),
  );
  return { key, place: rng.chance(0.55) ? rng.pick(info.districts) : former };
}

interface NameParts {
  type: FacilityType;
  kind: Kind;
  primary: Primary;
  info: PlaceInfo;
}

/**
 * A name whose identity key (name and province, as the import compares them) is not taken yet:
 * a few fresh draws, then with the brand appended, and as a last resort with the facility's number.
 */
function uniqueName(
  rng: Rng,
  parts: NameParts,
  province: string,
  index: number,
  takenKeys: Set<string>,
): string {
  let name = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    const brand = rng.pick(BRANDS);
    const place = attempt < 2 ? parts.primary.place : rng.pick([...parts.info.districts, ...COMMUNES]);
    name = nameOfType(rng, parts.type, parts.kind, brand, place);
    if (attempt >= 8) name = `${name} ${brand}`;
    if (!takenKeys.has(facilityKey(name, province))) break;
  }
  if (takenKeys.has(facilityKey(name, province))) name = `${name} ${index + 1}`;
  takenKeys.add(facilityKey(name, province));
  return name;
}

/** A name in the style the lists use for the legal form. */
function nameOfType(rng: Rng, type: FacilityType, kind: Kind, brand: string, place: string): string {
  switch (type) {
    case 'company':
      return rng.pick([
        `Công ty TNHH ${kind.trade} ${brand}`,
        `Công ty Cổ phần ${kind.trade} ${place}`,
        `Công ty TNHH MTV ${brand}`,
        `Công ty TNHH Sản xuất và Thương mại ${brand}`,
        `Doanh nghiệp tư nhân ${brand}`,
      ]);
    case 'cooperative':
      return rng.pick([
        `Hợp tác xã ${kind.trade} ${place}`,
        `HTX ${kind.trade} ${brand}`,
        `Hợp tác xã Nông nghiệp ${place}`,
        `Hợp tác xã Dịch vụ ${kind.trade} ${place}`,
      ]);
    case 'household':
      return rng.pick([
        `Hộ kinh doanh ${person(rng)}`,
        `Cơ sở ${kind.trade} ${brand}`,
        `Cơ sở sản xuất ${kind.trade} ${person(rng)}`,
      ]);
    case 'cooperative_group':
      return `Tổ hợp tác ${kind.trade} ${place}`;
    default:
      return `Làng nghề ${kind.trade} ${place}`;
  }
}

/**
 * A website for some companies, and an e-mail address for them and some others. Sample contacts
 * use the reserved .example domain (RFC 2606): no real mailbox or site can ever receive mail or
 * visits meant for made-up facilities.
 */
function onlineContacts(rng: Rng, name: string, type: FacilityType): { website?: string; email?: string } {
  const slug = asciiCompact(coreName(name)).slice(0, 24);
  const website = type === 'company' && rng.chance(0.3) ? `https://${slug}.example` : undefined;
  const email = website
    ? `lienhe@${slug}.example`
    : rng.chance(0.3)
      ? `${slug}${rng.int(1, 99)}@mail.example`
      : undefined;
  return { website, email };
}

/** The start of the address: a street number for some companies, else a hamlet (ấp in the south). */
function addressLead(rng: Rng, type: FacilityType, region: Region): string {
  return type === 'company' && rng.chance(0.5)
    ? `Số ${rng.int(1, 250)}, đường ${rng.pick(['Quang Trung', 'Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Huệ', 'Hùng Vương', 'Lý Thường Kiệt', 'Hai Bà Trưng'])}`
    : region === 'south'
      ? `Ấp ${rng.pick(['Tân Thới', 'Phú Hòa', 'Long Bình', 'An Thạnh', 'Mỹ Hiệp', 'Bình Phú', String(rng.int(1, 9))])}`
      : `${rng.pick(['Thôn', 'Xóm', 'Khu'])} ${rng.chance(0.5) ? rng.int(1, 12) : rng.pick(['Đông', 'Đoài', 'Trung', 'Thượng', 'Hạ', 'Tân Lập'])}`;
}

/**
 * Half the makers of a local speciality sit in the craft village that names it (when that place
 * is not the province itself); everyone else in some commune.
 */
function communeOf(rng: Rng, primary: Primary, provinceNames: string[]): string {
  return rng.chance(0.5) &&
    TEMPLATES[primary.key]!.generic === undefined &&
    !provinceNames.some((n) => foldForMatch(n) === foldForMatch(primary.place))
    ? primary.place
    : rng.pick(COMMUNES);
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
