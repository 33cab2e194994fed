/**
 * The catalogue's products (the registry's, with descriptions and photos) and listings for most
 * of them: packs with prices, wholesale tiers and availability, a description, one or two photos.
 */
import type { Level, ProductGroup } from '~/catalogue/programme';
import type { Certificate, Facility, Listing, Product, Variant, WholesaleTier } from '~/catalogue/schemas';
import { foldForMatch } from '~/text/vietnamese';
import { KINDS, type Kind, type PackTemplate } from './kinds';
import type { PlannedEntry } from './plan';
import type { Rng } from './prng';

/** Share of each group's products that are sold online. */
const LISTING_SHARE: Record<ProductGroup, number> = {
  food: 0.82,
  handicraft: 0.75,
  machinery: 0.55,
  other: 0.72,
};

const LEVEL_VI: Record<Level, string> = {
  commune: 'cấp xã',
  district: 'cấp huyện',
  province: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

const GROUP_LINE_VI: Record<ProductGroup, string> = {
  food: 'Sản phẩm được chế biến theo công thức truyền thống, nguyên liệu địa phương, đóng gói và ghi nhãn đầy đủ.',
  handicraft:
    'Mỗi sản phẩm được làm thủ công bởi nghệ nhân và thợ lành nghề của làng nghề, nên có thể khác đôi chút về màu sắc và hoa văn.',
  machinery:
    'Máy được chế tạo và lắp ráp tại xưởng, bảo hành 12 tháng, hướng dẫn lắp đặt và vận hành tận nơi.',
  other: 'Sản phẩm làm từ nguyên liệu tự nhiên của địa phương, thân thiện với môi trường.',
};
const GROUP_LINE_EN: Record<ProductGroup, string> = {
  food: 'Made to a traditional recipe from local ingredients, fully packed and labelled.',
  handicraft: 'Each piece is handmade by the village artisans, so colours and patterns may vary slightly.',
  machinery: 'Built and assembled in the workshop, with a 12-month warranty and on-site setup.',
  other: 'Made from natural local materials.',
};

const WHOLESALE_DISCOUNTS = [0.92, 0.85, 0.78];

const round1000 = (n: number) => Math.max(1000, Math.round(n / 1000) * 1000);

/** A registry product with what its texts mention: its facility, its plan and its highest certificate. */
interface About {
  p: Product;
  facility: Facility;
  plan: PlannedEntry;
  top: Certificate;
}

export function productsAndListings(
  rng: Rng,
  registry: { products: readonly Product[]; certificates: readonly Certificate[] },
  facilities: readonly Facility[],
  planned: readonly PlannedEntry[],
  progress: (fraction: number, stage: string) => void,
): { products: Product[]; listings: Listing[] } {
  const facilityById = new Map(facilities.map((f) => [f.id, f]));
  const plannedByProduct = new Map(planned.map((e) => [`${e.facility.name}|${e.product.name}`, e]));
  const highest = highestCertificates(registry.certificates);
  const products: Product[] = [];
  const listings: Listing[] = [];
  registry.products.forEach((p, index) => {
    const facility = facilityById.get(p.facilityId)!;
    const about: About = {
      p,
      facility,
      plan: plannedByProduct.get(`${facility.name}|${p.name}`)!,
      top: highest.get(p.id)!,
    };
    const sells = rng.chance(LISTING_SHARE[p.group]);
    products.push(productRecord(rng, about, sells));
    if (!sells) return;
    listings.push(listingOf(rng, about, index));
    if (index % 500 === 0) progress(0.75 + (0.25 * index) / registry.products.length, 'listings');
  });
  return { products, listings };
}

/** Each product's highest certificate (the latest of its highest level), which its texts cite. */
function highestCertificates(certificates: readonly Certificate[]): Map<string, Certificate> {
  const highest = new Map<string, Certificate>();
  const rank: Record<Level, number> = { commune: 1, district: 1, province: 2, regional: 3, national: 4 };
  for (const c of certificates) {
    const h = highest.get(c.productId);
    if (!h || rank[c.level] > rank[h.level] || (rank[c.level] === rank[h.level] && c.year > h.year))
      highest.set(c.productId, c);
  }
  return highest;
}

/** The product with a description for half; a product not sold online sometimes has its own photo. */
function productRecord(rng: Rng, { p, facility, plan, top }: About, sells: boolean): Product {
  const description = rng.chance(0.5)
    ? {
        vi: `${p.name} của ${facility.name} (${facility.provinceAsListed}), sản phẩm công nghiệp nông thôn tiêu biểu ${LEVEL_VI[top.level]} năm ${top.year}.`,
        ...(rng.chance(0.35) && {
          en: `${plan.product.en} by ${facility.name}, a ${top.level}-level typical rural industrial product (${top.year}).`,
        }),
      }
    : undefined;
  return {
    id: p.id,
    name: p.name,
    group: p.group,
    facilityId: p.facilityId,
    isSet: p.isSet,
    ...(description && { description }),
    photos: !sells && rng.chance(0.4) ? [`photos/${p.id}.webp`] : [],
  };
}

function listingOf(rng: Rng, about: About, index: number): Listing {
  const { p, facility, plan, top } = about;
  const variants = listingVariants(rng, about, index);
  const place = plan.product.place;
  return {
    id: p.id,
    productId: p.id,
    description: {
      vi: `${p.name} do ${facility.name} sản xuất tại ${place}. ${GROUP_LINE_VI[p.group]} Sản phẩm công nghiệp nông thôn tiêu biểu ${LEVEL_VI[top.level]} năm ${top.year}.`,
      ...(rng.chance(0.35) && {
        en: `${plan.product.en}, made by ${facility.name} in ${place}. ${GROUP_LINE_EN[p.group]} Certified ${top.level}-level typical rural industrial product (${top.year}).`,
      }),
    },
    photos: rng.chance(0.15) ? [`photos/${p.id}.webp`, `photos/${p.id}-2.webp`] : [`photos/${p.id}.webp`],
    variants,
  };
}

/** One to three of the kind's packs, in the kind's order. */
function listingVariants(rng: Rng, { p, plan }: About, index: number): Variant[] {
  const kind = KINDS[plan.product.template.kind];
  const packCount = Math.min(kind.packs.length, rng.weighted([1, 2, 3], [0.35, 0.45, 0.2]));
  const chosen = kind.packs
    .map((pack, i) => ({ pack, i, r: rng.float() }))
    .sort((a, b) => a.r - b.r)
    .slice(0, packCount)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.pack);
  // One place in the price ranges for the whole listing, so a maker is cheap or dear across its packs.
  const position = rng.float();
  const sku = skuBase(p.name, index);
  return chosen.map((pack, vi) =>
    variantOf(rng, kind, pack, position, {
      sku: `${sku}-${vi + 1}`,
      name: { vi: `${p.name} – ${pack.vi}`, en: `${plan.product.en} – ${pack.en}` },
    }),
  );
}

/** The initials of the product name and its index in base 36 ("BPST-002S"), unique per product. */
function skuBase(name: string, index: number): string {
  return `${
    foldForMatch(name)
      .toUpperCase()
      .split(' ')
      .filter((w) => /^[A-Z]/.test(w))
      .slice(0, 5)
      .map((w) => w[0])
      .join('') || 'SP'
  }-${index.toString(36).toUpperCase().padStart(4, '0')}`;
}

function variantOf(
  rng: Rng,
  kind: Kind,
  pack: PackTemplate,
  position: number,
  named: Pick<Variant, 'sku' | 'name'>,
): Variant {
  const [min, max] = pack.price;
  const price = round1000(
    (min + (max - min) * Math.min(1, Math.max(0, position + (rng.float() - 0.5) * 0.2))) * 1000,
  );
  const tiers = wholesaleTiers(rng, kind, price);
  const madeToOrder = rng.chance(kind.madeToOrder);
  const notOnline = !madeToOrder && rng.chance(0.02);
  const availability = madeToOrder ? 'made_to_order' : notOnline ? 'not_sold_online' : 'in_stock';
  return {
    ...named,
    packSize: pack.vi,
    price,
    wholesaleTiers: tiers,
    minOrderQuantity: tiers[0]?.minQuantity ?? 1,
    availability,
    ...(madeToOrder && { leadTimeDays: rng.int(kind.leadTime[0], kind.leadTime[1]) }),
    weightGrams: rng.int(pack.weight[0], pack.weight[1]),
    ...(availability === 'in_stock' && rng.chance(0.3) && { stock: rng.int(0, 60) }),
  };
}

/**
 * Up to three wholesale tiers from the kind's usual first quantity, each cheaper than the one
 * before (a tier that rounds to no saving ends the list).
 */
function wholesaleTiers(rng: Rng, kind: Kind, price: number): WholesaleTier[] {
  const tiers: WholesaleTier[] = [];
  const tierCount = rng.weighted([0, 1, 2, 3], [0.15, 0.25, 0.35, 0.25]);
  const from = rng.int(kind.wholesaleFrom[0], kind.wholesaleFrom[1]);
  let minQuantity = from < 10 ? from : Math.round(from / 5) * 5;
  for (let t = 0; t < tierCount; t++) {
    const unitPrice = round1000(price * WHOLESALE_DISCOUNTS[t]!);
    const previous = tiers[tiers.length - 1]?.unitPrice ?? price;
    if (unitPrice >= previous) break;
    tiers.push({ minQuantity, unitPrice });
    minQuantity = minQuantity * rng.pick([4, 5, 10]);
  }
  return tiers;
}
