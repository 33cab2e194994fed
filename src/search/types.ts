/**
 * The one search contract. Both backends (embedded MiniSearch, Meilisearch) implement
 * SearchEngine and pass the same contract suite (tests/search/contract-suite.ts).
 */
import type { Availability, Level, ProductGroup, Region } from '~/catalogue';

export const SORTS = ['relevance', 'price-asc', 'price-desc', 'newest', 'name'] as const;
export type Sort = (typeof SORTS)[number];

/** Fields with counted values. Counts for a field ignore that field's own filter (disjunctive). */
export const FACET_FIELDS = ['group', 'level', 'region', 'province', 'availability'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** value → number of matching products, e.g. { food: 12, handicraft: 3 }; zero counts are left out. */
export type Facets = Record<FacetField, Record<string, number>>;

export interface SearchFilters {
  group?: ProductGroup[];
  level?: Level[];
  region?: Region[];
  /** Today's province names (one of the 34). */
  province?: string[];
  availability?: Availability[];
  /** Lowest retail price bounds in VND, inclusive; products without a price never match. */
  priceMin?: number;
  priceMax?: number;
  hasListing?: boolean;
}

export interface SearchQuery {
  q: string;
  filters: SearchFilters;
  sort: Sort;
  /** 1-based. */
  page: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  name: string;
  /** Vietnamese path of the product page; prefix with localePath for English. */
  url: string;
  facility: string;
  province: string;
  level: Level;
  group: ProductGroup;
  /** Lowest retail price in VND; absent when the product is not sold online. */
  price?: number;
  availability: Availability;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Facets;
  page: number;
  limit: number;
}

export interface SearchEngine {
  readonly backend: 'embedded' | 'meilisearch';
  search(query: SearchQuery): Promise<SearchResult>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

/** The contract fields of a hit, from a search document or a stored Meilisearch hit. */
export function toHit(source: SearchHit): SearchHit {
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    facility: source.facility,
    province: source.province,
    level: source.level,
    group: source.group,
    ...(source.price !== undefined ? { price: source.price } : {}),
    availability: source.availability,
  };
}

export function emptyFacets(): Facets {
  return { group: {}, level: {}, region: {}, province: {}, availability: {} };
}
