/**
 * What the catalogue pages need, computed once per build from the Catalogue: a card summary per
 * product, the display order, the product lists of every browse page and facility summaries.
 * Everything is a single pass or a sort over the data (no per-page scans), so 12,000 products
 * stay cheap. Pure logic, no framework imports.
 */
import type { Catalogue, Certificate, CertificateStatus, Facility, Product } from '~/catalogue';
import {
  BROWSE_DIMENSIONS,
  type BrowseDimension,
  type BrowseFilter,
  CURRENT_PROVINCES,
  type CurrentProvince,
  currentProvinceByName,
  type FacilityType,
  findProvince,
  LEVEL_RANK,
  type Level,
  PRODUCT_GROUPS,
  type ProductGroup,
  REGIONS,
} from '~/catalogue';

export const PAGE_SIZE = 24;

/** Levels from the highest down, the order people read them in (district, then its successor). */
export const LEVELS_HIGH_FIRST: readonly Level[] = [
  'national',
  'regional',
  'province',
  'district',
  'commune',
];

export interface CertificateWithStatus {
  certificate: Certificate;
  status: CertificateStatus;
  supersededBy?: string;
}

export interface ProductCard {
  product: Product;
  facility: Facility;
  province: CurrentProvince;
  /** The certificate to show first: a valid one if any, highest level, newest round. */
  headline: CertificateWithStatus | undefined;
  levels: ReadonlySet<Level>;
  /**
   * Registry photos first, then the listing's. Strings in plain data; astro:assets images when
   * the catalogue comes from the content collections (read them through photosOf).
   */
  photos: unknown[];
  /** Lowest retail price among variants sold online; undefined when nothing is sold online. */
  priceFrom: number | undefined;
}

export interface FacilitySummary {
  facility: Facility;
  province: CurrentProvince;
  productIds: string[];
  groups: ReadonlySet<ProductGroup>;
  levels: ReadonlySet<Level>;
  topLevel: Level | undefined;
}

export interface BrowseValue {
  value: string;
  count: number;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** The province a facility is in today; the data names one of the 34, but accept any spelling. */
export function provinceOf(facility: Facility): CurrentProvince {
  const province = currentProvinceByName(facility.province) ?? findProvince(facility.province)?.current;
  if (!province) throw new Error(`Facility ${facility.id}: unknown province "${facility.province}"`);
  return province;
}

const statusRank: Record<CertificateStatus, number> = { valid: 3, superseded: 2, expired: 1, revoked: 0 };

/** Valid before anything else, then higher level, then newer round. */
export function compareCertificates(a: CertificateWithStatus, b: CertificateWithStatus): number {
  return (
    statusRank[b.status] - statusRank[a.status] ||
    LEVEL_RANK[b.certificate.level] - LEVEL_RANK[a.certificate.level] ||
    b.certificate.year - a.certificate.year
  );
}

function compareCards(a: ProductCard, b: ProductCard): number {
  if (a.headline && b.headline) {
    const byCertificate = compareCertificates(a.headline, b.headline);
    if (byCertificate !== 0) return byCertificate;
  } else if (a.headline || b.headline) {
    return a.headline ? -1 : 1;
  }
  return collator.compare(a.product.name, b.product.name) || (a.product.id < b.product.id ? -1 : 1);
}

const key = (dimension: BrowseDimension, value: string) => `${dimension}/${value}`;

export class SiteIndex {
  readonly cards = new Map<string, ProductCard>();
  /** Every product id in display order. */
  readonly ordered: readonly string[];
  readonly facilities = new Map<string, FacilitySummary>();
  /** Facility ids in display order (highest level first, then name). */
  readonly facilityOrder: readonly string[];
  private readonly statuses = new Map<string, CertificateWithStatus[]>();
  private readonly lists = new Map<string, string[]>();

  constructor(
    readonly catalogue: Catalogue,
    /** The build date (yyyy-mm-dd, Vietnam time): statuses are as of this day. */
    readonly asOf: string,
  ) {
    for (const product of catalogue.data.products) {
      const facility = catalogue.facilityById.get(product.facilityId);
      if (!facility) throw new Error(`Product ${product.id}: unknown facility "${product.facilityId}"`);
      const certificates = catalogue
        .certificatesOf(product.id)
        .map((certificate) => ({ certificate, ...catalogue.statusOf(certificate, asOf) }))
        .sort(compareCertificates);
      this.statuses.set(product.id, certificates);
      const listing = catalogue.listingByProduct.get(product.id);
      const prices = (listing?.variants ?? [])
        .filter((v) => v.availability !== 'not_sold_online')
        .map((v) => v.price);
      this.cards.set(product.id, {
        product,
        facility,
        province: provinceOf(facility),
        headline: certificates[0],
        levels: new Set(certificates.map((c) => c.certificate.level)),
        photos: [...product.photos, ...(listing?.photos ?? [])],
        priceFrom: prices.length > 0 ? Math.min(...prices) : undefined,
      });
    }
    this.ordered = [...this.cards.values()].sort(compareCards).map((c) => c.product.id);

    for (const id of this.ordered) {
      const card = this.cards.get(id)!;
      this.push(key('group', card.product.group), id);
      this.push(key('region', card.province.region), id);
      this.push(key('province', card.province.slug), id);
      for (const level of card.levels) this.push(key('level', level), id);
    }

    const position = new Map(this.ordered.map((id, i) => [id, i]));
    for (const facility of catalogue.data.facilities) {
      const productIds = catalogue
        .productsOf(facility.id)
        .map((p) => p.id)
        .sort((a, b) => position.get(a)! - position.get(b)!);
      const cards = productIds.map((id) => this.cards.get(id)!);
      const levels = new Set(cards.flatMap((c) => [...c.levels]));
      this.facilities.set(facility.id, {
        facility,
        province: provinceOf(facility),
        productIds,
        groups: new Set(cards.map((c) => c.product.group)),
        levels,
        topLevel: [...levels].sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a])[0],
      });
    }
    const rank = (s: FacilitySummary) => (s.topLevel ? LEVEL_RANK[s.topLevel] : 0);
    this.facilityOrder = [...this.facilities.values()]
      .sort((a, b) => rank(b) - rank(a) || collator.compare(a.facility.name, b.facility.name))
      .map((s) => s.facility.id);
  }

  private push(k: string, id: string): void {
    const list = this.lists.get(k);
    if (list) list.push(id);
    else this.lists.set(k, [id]);
  }

  /** A product's certificates with their status, the one to show first at the top. */
  certificatesOf(productId: string): CertificateWithStatus[] {
    return this.statuses.get(productId) ?? [];
  }

  card(productId: string): ProductCard {
    const card = this.cards.get(productId);
    if (!card) throw new Error(`Unknown product "${productId}"`);
    return card;
  }

  /** Product ids of a browse page's list (all pages of it), in display order. */
  productIdsFor(filter: BrowseFilter): readonly string[] {
    return filter ? (this.lists.get(key(filter.dimension, filter.value)) ?? []) : this.ordered;
  }

  /** The values of a dimension that have products, in the programme's order, with counts. */
  browseValues(dimension: BrowseDimension): BrowseValue[] {
    const values: readonly string[] =
      dimension === 'group'
        ? PRODUCT_GROUPS
        : dimension === 'level'
          ? LEVELS_HIGH_FIRST
          : dimension === 'region'
            ? REGIONS
            : CURRENT_PROVINCES.map((p) => p.slug);
    return values
      .map((value) => ({ value, count: this.productIdsFor({ dimension, value }).length }))
      .filter((v) => v.count > 0);
  }

  /** Featured products: valid certificates at `level`, newest round first, best score next. */
  featured(level: Level, limit: number): ProductCard[] {
    const score = (c: ProductCard) => c.headline?.certificate.score ?? 0;
    return this.productIdsFor({ dimension: 'level', value: level })
      .map((id) => this.cards.get(id)!)
      .filter((c) => c.headline?.status === 'valid' && c.headline.certificate.level === level)
      .sort((a, b) => b.headline!.certificate.year - a.headline!.certificate.year || score(b) - score(a))
      .slice(0, limit);
  }
}

export interface FacilityFilter {
  province?: string;
  group?: ProductGroup;
  level?: Level;
  type?: FacilityType;
}

/** The facility directory's filters; every filter is optional and they combine with AND. */
export function filterFacilities(index: SiteIndex, filter: FacilityFilter): FacilitySummary[] {
  const out: FacilitySummary[] = [];
  for (const id of index.facilityOrder) {
    const s = index.facilities.get(id)!;
    if (filter.province && s.province.slug !== filter.province) continue;
    if (filter.group && !s.groups.has(filter.group)) continue;
    if (filter.level && !s.levels.has(filter.level)) continue;
    if (filter.type && s.facility.type !== filter.type) continue;
    out.push(s);
  }
  return out;
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of a list (1-based); a page past the end is empty, page count is at least 1. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Every browse page the site builds: the all-products list and each dimension value, page by page. */
export function browsePages(index: SiteIndex): { filter: BrowseFilter; page: number; pages: number }[] {
  const filters: BrowseFilter[] = [null];
  for (const dimension of BROWSE_DIMENSIONS) {
    for (const { value } of index.browseValues(dimension)) filters.push({ dimension, value });
  }
  return filters.flatMap((filter) => {
    const pages = pageCount(index.productIdsFor(filter).length);
    return Array.from({ length: pages }, (_, i) => ({ filter, page: i + 1, pages }));
  });
}
