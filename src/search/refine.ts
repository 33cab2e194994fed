/**
 * Filters, facet counts, sort and pagination over documents already matched by text, for
 * the embedded engine. Facet counts are disjunctive: a field's counts apply every filter
 * except that field's own, so ticking "food" still shows how many handicrafts there are,
 * and the count next to a ticked value equals the filtered total.
 */
import type { SearchDocument } from './documents';
import { emptyFacets, FACET_FIELDS, type FacetField, type SearchFilters, type SearchHit, type SearchQuery, type SearchResult, type Sort } from './types';

export interface Candidate {
  doc: SearchDocument;
  /** Text relevance; 0 when there was no text to match. */
  score: number;
}

function passesFacet(field: FacetField, doc: SearchDocument, filters: SearchFilters): boolean {
  const wanted = filters[field] as readonly string[] | undefined;
  if (!wanted || wanted.length === 0) return true;
  const value = doc[field];
  return value !== undefined && wanted.includes(value);
}

function passesOtherFilters(doc: SearchDocument, filters: SearchFilters): boolean {
  if (filters.hasListing !== undefined && doc.hasListing !== filters.hasListing) return false;
  if (filters.priceMin === undefined && filters.priceMax === undefined) return true;
  if (doc.price === undefined) return false;
  return (filters.priceMin === undefined || doc.price >= filters.priceMin) && (filters.priceMax === undefined || doc.price <= filters.priceMax);
}

function count(counts: Record<string, number>, value: string | undefined): void {
  if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
}

type Compare = (a: Candidate, b: Candidate) => number;

/** The order among equally relevant products, and of an empty query: higher level, newer, by name. */
const tieBreak: Compare = (a, b) =>
  b.doc.levelRank - a.doc.levelRank ||
  b.doc.newestYear - a.doc.newestYear ||
  (a.doc.nameSort < b.doc.nameSort ? -1 : a.doc.nameSort > b.doc.nameSort ? 1 : 0) ||
  (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);

const byRelevance: Compare = (a, b) => b.score - a.score || tieBreak(a, b);

/** Products without a price go last in both price orders. */
const byPrice = (direction: 1 | -1): Compare => (a, b) => {
  const pa = a.doc.price;
  const pb = b.doc.price;
  if (pa === undefined || pb === undefined) return (pa === undefined ? 1 : 0) - (pb === undefined ? 1 : 0) || byRelevance(a, b);
  return direction * (pa - pb) || byRelevance(a, b);
};

const COMPARE: Record<Sort, Compare> = {
  relevance: byRelevance,
  'price-asc': byPrice(1),
  'price-desc': byPrice(-1),
  newest: (a, b) => b.doc.newestYear - a.doc.newestYear || byRelevance(a, b),
  name: (a, b) => (a.doc.nameSort < b.doc.nameSort ? -1 : a.doc.nameSort > b.doc.nameSort ? 1 : 0) || tieBreak(a, b),
};

/** Sorts in place and returns the candidates (an already sorted list costs one pass). */
export function sortCandidates(candidates: Candidate[], sort: Sort): Candidate[] {
  return candidates.sort(COMPARE[sort]);
}

export function toHit(doc: SearchDocument): SearchHit {
  return {
    id: doc.id,
    name: doc.name,
    url: doc.url,
    facility: doc.facility,
    province: doc.province,
    level: doc.level,
    group: doc.group,
    ...(doc.price !== undefined ? { price: doc.price } : {}),
    availability: doc.availability,
  };
}

export function refine(candidates: readonly Candidate[], query: SearchQuery): SearchResult {
  const { filters } = query;
  const facets = emptyFacets();
  const matched: Candidate[] = [];
  for (const candidate of candidates) {
    const { doc } = candidate;
    if (!passesOtherFilters(doc, filters)) continue;
    let failedField: FacetField | undefined;
    let failures = 0;
    for (const field of FACET_FIELDS) {
      if (passesFacet(field, doc, filters)) continue;
      failedField = field;
      if (++failures > 1) break;
    }
    if (failures === 0) {
      matched.push(candidate);
      for (const field of FACET_FIELDS) count(facets[field], doc[field]);
    } else if (failures === 1 && failedField) {
      count(facets[failedField], doc[failedField]);
    }
  }
  sortCandidates(matched, query.sort);
  const start = (query.page - 1) * query.limit;
  return {
    hits: matched.slice(start, start + query.limit).map((c) => toHit(c.doc)),
    total: matched.length,
    facets,
    page: query.page,
    limit: query.limit,
  };
}
