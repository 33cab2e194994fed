/**
 * The Meilisearch backend, for catalogues larger than one process should hold or when
 * several servers share one index. The index is filled by `npm run search:sync`
 * (meilisearch-sync.ts). One multi-search request per attempt: the results, plus one
 * facet-only query per filtered facet so facet counts are disjunctive as in the embedded engine.
 * A query is tried as the embedded engine tries it (searchPasses), so both fall back alike.
 */
import { MatchingStrategies, Meilisearch, type MultiSearchQuery, type SearchResponse } from 'meilisearch';
import { foldedText, hasMarks, words } from './analysis';
import { attributesToSearchOn, MEILISEARCH_SORT } from './meilisearch-settings';
import {
  emptyFacets,
  FACET_FIELDS,
  type FacetField,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  toHit,
} from './types';

export interface MeilisearchConfig {
  url: string;
  apiKey?: string;
}

export function meilisearchClient(config: MeilisearchConfig): Meilisearch {
  return new Meilisearch({ host: config.url, ...(config.apiKey ? { apiKey: config.apiKey } : {}) });
}

/** A value inside a Meilisearch filter string. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The filter as Meilisearch expressions (ANDed), leaving out one facet's own filter when asked. */
export function meilisearchFilter(filters: SearchFilters, except?: FacetField): string[] {
  const parts: string[] = [];
  for (const field of FACET_FIELDS) {
    const values = filters[field] as readonly string[] | undefined;
    if (field !== except && values && values.length > 0)
      parts.push(`${field} IN [${values.map(quoted).join(', ')}]`);
  }
  if (filters.hasListing !== undefined) parts.push(`hasListing = ${filters.hasListing}`);
  if (filters.priceMin !== undefined) parts.push(`price >= ${filters.priceMin}`);
  if (filters.priceMax !== undefined) parts.push(`price <= ${filters.priceMax}`);
  return parts;
}

/** One attempt at a query: which words must match, in which attributes. */
export interface SearchPass {
  matchingStrategy: MatchingStrategies;
  attributesToSearchOn?: string[];
}

/**
 * The attempts the embedded engine makes, in its order: every word outside the descriptions,
 * then every word in descriptions too, then (several words) fewer words. The first pass whose
 * words match any product is the answer, whatever the filters leave of it.
 */
export function searchPasses(q: string): SearchPass[] {
  const folded = foldedText(q);
  if (folded === '') return [{ matchingStrategy: MatchingStrategies.ALL }];
  const marked = words(q).some(hasMarks);
  const passes: SearchPass[] = [
    {
      matchingStrategy: MatchingStrategies.ALL,
      attributesToSearchOn: attributesToSearchOn({ marked, descriptions: false }),
    },
    {
      matchingStrategy: MatchingStrategies.ALL,
      attributesToSearchOn: attributesToSearchOn({ marked, descriptions: true }),
    },
  ];
  if (folded.includes(' '))
    passes.push({
      matchingStrategy: MatchingStrategies.LAST,
      attributesToSearchOn: attributesToSearchOn({ marked, descriptions: true }),
    });
  return passes;
}

export class MeilisearchEngine implements SearchEngine {
  readonly backend = 'meilisearch' as const;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid: string,
  ) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = foldedText(query.q);
    const passes = searchPasses(query.q);
    const filtered = meilisearchFilter(query.filters).length > 0;
    for (let i = 0; ; i++) {
      const last = i === passes.length - 1;
      // With filters, the total says nothing about the words: count the unfiltered matches too.
      const { result, textTotal } = await this.run(query, q, passes[i]!, !last && filtered);
      if (last || (textTotal ?? result.total) > 0) return result;
    }
  }

  private async run(
    query: SearchQuery,
    q: string,
    pass: SearchPass,
    countText: boolean,
  ): Promise<{ result: SearchResult; textTotal?: number }> {
    const filtered = FACET_FIELDS.filter((f) => (query.filters[f]?.length ?? 0) > 0);
    const sort = MEILISEARCH_SORT[query.sort];
    const text = {
      indexUid: this.indexUid,
      q,
      matchingStrategy: pass.matchingStrategy,
      ...(pass.attributesToSearchOn ? { attributesToSearchOn: pass.attributesToSearchOn } : {}),
    };
    const main: MultiSearchQuery = {
      ...text,
      filter: meilisearchFilter(query.filters),
      facets: FACET_FIELDS.filter((f) => !filtered.includes(f)),
      page: query.page,
      hitsPerPage: query.limit,
      ...(sort ? { sort } : {}),
    };
    const facetQueries: MultiSearchQuery[] = filtered.map((field) => ({
      ...text,
      filter: meilisearchFilter(query.filters, field),
      facets: [field],
      page: 1,
      hitsPerPage: 0,
    }));
    const countQueries: MultiSearchQuery[] = countText ? [{ ...text, page: 1, hitsPerPage: 0 }] : [];
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, SearchHit>({
      queries: [main, ...facetQueries, ...countQueries],
    });
    const responses = results as SearchResponse<SearchHit>[];
    const first = responses[0];
    const facets = emptyFacets();
    for (const response of responses.slice(0, 1 + facetQueries.length)) {
      for (const [field, counts] of Object.entries(response?.facetDistribution ?? {})) {
        if ((FACET_FIELDS as readonly string[]).includes(field)) facets[field as FacetField] = { ...counts };
      }
    }
    const result: SearchResult = {
      hits: (first?.hits ?? []).map(toHit),
      total: first?.totalHits ?? 0,
      facets,
      page: query.page,
      limit: query.limit,
    };
    return countText ? { result, textTotal: responses.at(-1)?.totalHits ?? 0 } : { result };
  }
}
