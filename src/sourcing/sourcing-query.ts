/**
 * The sourcing view's filters as URL query parameters (the /wholesale/ GET form, its page
 * links and the export links share them), and the filtering, sorting and paging of offers.
 */
import { z } from 'zod';
import { CURRENT_PROVINCES, LEVEL_RANK, LEVELS, PRODUCT_GROUPS, REGIONS } from '~/catalogue';
import { foldForMatch } from '~/text/vietnamese';
import { type Offer, offerLeadDays } from './offers';
import { lowestUnitPrice } from './tier-pricing';

export const SORTS = ['level', 'moq', 'price', 'name'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;

const count = (max: number) => z.coerce.number().int('a whole number').min(1).max(max);

/** Each parameter on its own, so one bad value is reported without losing the others. */
const FIELDS = {
  q: z.string().trim().min(1).max(100),
  group: z.enum(PRODUCT_GROUPS),
  region: z.enum(REGIONS),
  province: z
    .string()
    .refine((slug) => CURRENT_PROVINCES.some((p) => p.slug === slug), 'not one of the 34 provinces'),
  level: z.enum(LEVELS),
  maxMoq: count(1_000_000),
  maxLeadDays: count(365),
  tiers: z.enum(['1']),
  sort: z.enum(SORTS),
  page: count(10_000),
} as const;

type FieldName = keyof typeof FIELDS;
export type SourcingQuery = { [K in FieldName]?: z.infer<(typeof FIELDS)[K]> };

export interface ParsedSourcingQuery {
  query: SourcingQuery;
  /** Parameters that were given but invalid, with the reason (they are ignored). */
  invalid: Record<string, string>;
}

export function parseSourcingQuery(params: URLSearchParams): ParsedSourcingQuery {
  const query: Record<string, unknown> = {};
  const invalid: Record<string, string> = {};
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') continue;
    const result = FIELDS[name].safeParse(raw);
    if (result.success) query[name] = result.data;
    else invalid[name] = result.error.issues[0]?.message ?? 'invalid';
  }
  return { query: query as SourcingQuery, invalid };
}

/** The query as URL parameters (page omitted unless > 1), for page and export links. */
export function sourcingSearchParams(
  query: SourcingQuery,
  overrides: Partial<SourcingQuery> = {},
): URLSearchParams {
  const merged: SourcingQuery = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const value = merged[name];
    if (value === undefined || (name === 'page' && value === 1)) continue;
    params.set(name, String(value));
  }
  return params;
}

const searchKeys = new WeakMap<Offer, string>();

/** Folded product, facility and variant names and the SKU, computed once per offer. */
function searchKey(offer: Offer): string {
  let key = searchKeys.get(offer);
  if (key === undefined) {
    key = foldForMatch(
      `${offer.productName} ${offer.facilityName} ${offer.variantName.vi} ${offer.variantName.en ?? ''} ${offer.sku}`,
    );
    searchKeys.set(offer, key);
  }
  return key;
}

function matches(offer: Offer, q: SourcingQuery, needle: string | undefined): boolean {
  if (q.group && offer.group !== q.group) return false;
  if (q.region && offer.region !== q.region) return false;
  if (q.province && offer.provinceSlug !== q.province) return false;
  if (q.level && offer.certificate.level !== q.level) return false;
  if (q.maxMoq !== undefined && offer.minOrderQuantity > q.maxMoq) return false;
  if (q.maxLeadDays !== undefined) {
    const days = offerLeadDays(offer);
    if (days === undefined || days > q.maxLeadDays) return false;
  }
  if (q.tiers && offer.wholesaleTiers.length === 0) return false;
  if (needle && !searchKey(offer).includes(needle)) return false;
  return true;
}

const COMPARATORS: Record<Sort, (a: Offer, b: Offer) => number> = {
  level: (a, b) =>
    LEVEL_RANK[b.certificate.level] - LEVEL_RANK[a.certificate.level] ||
    b.certificate.year - a.certificate.year,
  moq: (a, b) => a.minOrderQuantity - b.minOrderQuantity,
  price: (a, b) => lowestUnitPrice(a) - lowestUnitPrice(b),
  name: () => 0,
};

const collator = new Intl.Collator('vi');
const byName = (a: Offer, b: Offer) =>
  collator.compare(a.productName, b.productName) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

const sortedLists = new WeakMap<readonly Offer[], Map<Sort, Offer[]>>();

/** The offers in one order, sorted once per offer list and order (filtering keeps the order). */
function sortedBy(offers: readonly Offer[], sort: Sort): Offer[] {
  let lists = sortedLists.get(offers);
  if (!lists) {
    lists = new Map();
    sortedLists.set(offers, lists);
  }
  let sorted = lists.get(sort);
  if (!sorted) {
    const compare = COMPARATORS[sort];
    sorted = [...offers].sort((a, b) => compare(a, b) || byName(a, b));
    lists.set(sort, sorted);
  }
  return sorted;
}

/** Offers matching every given filter, sorted (ties by product name, then SKU). */
export function filterOffers(offers: readonly Offer[], q: SourcingQuery): Offer[] {
  const needle = q.q ? foldForMatch(q.q) : undefined;
  return sortedBy(offers, q.sort ?? 'level').filter((o) => matches(o, q, needle));
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** One page of results; a page past the end gives the last page. */
export function paginate<T>(items: readonly T[], page = 1, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pageCount,
    total: items.length,
  };
}
