/**
 * Filters, facet counts, sort and pagination over documents already matched by text, for
 * the embedded engine. Facet counts are disjunctive: a field's counts apply every filter
 * except that field's own, so ticking "food" still shows how many handicrafts there are,
 * and the count next to a ticked value equals the filtered total.
 *
 * Runs on every keystroke over up to the whole catalogue, so facet values are small integer
 * codes (FacetTable) and only the requested page is put in order.
 */
import type { SearchDocument } from './documents';
import {
  emptyFacets,
  FACET_FIELDS,
  type Facets,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
  type Sort,
  toHit,
} from './types';

/** A document with its facet values as codes (index into FacetTable.values), -1 for none. */
export interface Entry {
  doc: SearchDocument;
  codes: Int32Array;
}

export interface Candidate {
  entry: Entry;
  /** Text relevance; 0 when there was no text to match. */
  score: number;
}

/** The distinct values of each facet field, and the entries coded against them. */
export class FacetTable {
  readonly values: string[][] = FACET_FIELDS.map(() => []);
  private readonly codeOf = FACET_FIELDS.map(() => new Map<string, number>());

  entry(doc: SearchDocument): Entry {
    const codes = new Int32Array(FACET_FIELDS.length);
    FACET_FIELDS.forEach((field, f) => {
      const value = doc[field];
      if (value === undefined) {
        codes[f] = -1;
        return;
      }
      let code = this.codeOf[f]!.get(value);
      if (code === undefined) {
        code = this.values[f]!.push(value) - 1;
        this.codeOf[f]!.set(value, code);
      }
      codes[f] = code;
    });
    return { doc, codes };
  }

  /** Per field, which codes a filter accepts; undefined when the field is not filtered. */
  accepted(filters: SearchFilters): (Uint8Array | undefined)[] {
    return FACET_FIELDS.map((field, f) => {
      const wanted = filters[field] as readonly string[] | undefined;
      if (!wanted || wanted.length === 0) return undefined;
      const ok = new Uint8Array(this.values[f]!.length);
      for (const value of wanted) {
        const code = this.codeOf[f]!.get(value);
        if (code !== undefined) ok[code] = 1;
      }
      return ok;
    });
  }

  facets(counts: Int32Array[]): Facets {
    const facets = emptyFacets();
    FACET_FIELDS.forEach((field, f) => {
      counts[f]!.forEach((n, code) => {
        if (n > 0) facets[field][this.values[f]![code]!] = n;
      });
    });
    return facets;
  }
}

function passesOtherFilters(doc: SearchDocument, filters: SearchFilters): boolean {
  if (filters.hasListing !== undefined && doc.hasListing !== filters.hasListing) return false;
  if (filters.priceMin === undefined && filters.priceMax === undefined) return true;
  if (doc.price === undefined) return false;
  return (
    (filters.priceMin === undefined || doc.price >= filters.priceMin) &&
    (filters.priceMax === undefined || doc.price <= filters.priceMax)
  );
}

type Compare = (a: Candidate, b: Candidate) => number;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order among equally relevant products, and of an empty query: higher level, newer, by name. */
const tieBreak: Compare = (a, b) =>
  b.entry.doc.levelRank - a.entry.doc.levelRank ||
  b.entry.doc.newestYear - a.entry.doc.newestYear ||
  byString(a.entry.doc.nameSort, b.entry.doc.nameSort) ||
  byString(a.entry.doc.id, b.entry.doc.id);

const byRelevance: Compare = (a, b) => b.score - a.score || tieBreak(a, b);

/** Products without a price go last in both price orders. */
const byPrice =
  (direction: 1 | -1): Compare =>
  (a, b) => {
    const pa = a.entry.doc.price;
    const pb = b.entry.doc.price;
    if (pa === undefined || pb === undefined)
      return (pa === undefined ? 1 : 0) - (pb === undefined ? 1 : 0) || byRelevance(a, b);
    return direction * (pa - pb) || byRelevance(a, b);
  };

const COMPARE: Record<Sort, Compare> = {
  relevance: byRelevance,
  'price-asc': byPrice(1),
  'price-desc': byPrice(-1),
  newest: (a, b) => b.entry.doc.newestYear - a.entry.doc.newestYear || byRelevance(a, b),
  name: (a, b) => byString(a.entry.doc.nameSort, b.entry.doc.nameSort) || tieBreak(a, b),
};

/** The first `k` candidates in order, without sorting the rest (a page of 20 out of 12,000). */
function firstInOrder(candidates: readonly Candidate[], k: number, compare: Compare): Candidate[] {
  if (k * 8 >= candidates.length) return [...candidates].sort(compare).slice(0, k);
  const best: Candidate[] = [];
  for (const c of candidates) {
    if (best.length === k && compare(c, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(c, best[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, c);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Sorts in place and returns the candidates. */
export function sortCandidates(candidates: Candidate[], sort: Sort): Candidate[] {
  return candidates.sort(COMPARE[sort]);
}

/**
 * Filters, counts, orders and cuts one page. `inOrder` says the candidates already come in
 * the requested order (the empty query's presorted list), so only the page is sliced.
 */
export function refine(
  table: FacetTable,
  candidates: readonly Candidate[],
  query: SearchQuery,
  inOrder = false,
): SearchResult {
  const { filters } = query;
  const accepted = table.accepted(filters);
  const counts = table.values.map((values) => new Int32Array(values.length));
  const fields = FACET_FIELDS.length;
  const matched: Candidate[] = [];
  for (const candidate of candidates) {
    if (!passesOtherFilters(candidate.entry.doc, filters)) continue;
    const codes = candidate.entry.codes;
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < fields; f++) {
      const ok = accepted[f];
      if (ok === undefined || (codes[f]! >= 0 && ok[codes[f]!] === 1)) continue;
      failed = f;
      if (++failures > 1) break;
    }
    if (failures === 0) {
      matched.push(candidate);
      for (let f = 0; f < fields; f++) if (codes[f]! >= 0) counts[f]![codes[f]!]! += 1;
    } else if (failures === 1 && codes[failed]! >= 0) {
      counts[failed]![codes[failed]!]! += 1;
    }
  }
  const start = (query.page - 1) * query.limit;
  const end = start + query.limit;
  const ordered = inOrder
    ? matched
    : firstInOrder(matched, Math.min(end, matched.length), COMPARE[query.sort]);
  return {
    hits: ordered.slice(start, end).map((c) => toHit(c.entry.doc)),
    total: matched.length,
    facets: table.facets(counts),
    page: query.page,
    limit: query.limit,
  };
}
