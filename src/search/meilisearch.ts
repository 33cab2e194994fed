/**
 * The Meilisearch backend, for catalogues larger than one process should hold or when
 * several servers share one index. The index is filled by `npm run search:sync`
 * (meilisearch-sync.ts). One multi-search request per query: the results, plus one
 * facet-only query per filtered facet so facet counts are disjunctive as in the embedded engine.
 */
import { MatchingStrategies, Meilisearch, type MultiSearchQuery, type SearchResponse } from 'meilisearch';
import { foldedText } from './analysis';
import { MEILISEARCH_SORT } from './meilisearch-settings';
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

export class MeilisearchEngine implements SearchEngine {
  readonly backend = 'meilisearch' as const;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid: string,
  ) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = foldedText(query.q);
    let result = await this.run(query, q, MatchingStrategies.ALL);
    // As the embedded engine: when not every word matches anywhere, accept fewer words.
    if (result.total === 0 && q.includes(' ')) result = await this.run(query, q, MatchingStrategies.LAST);
    return result;
  }

  private async run(
    query: SearchQuery,
    q: string,
    matchingStrategy: MatchingStrategies,
  ): Promise<SearchResult> {
    const filtered = FACET_FIELDS.filter((f) => (query.filters[f]?.length ?? 0) > 0);
    const sort = MEILISEARCH_SORT[query.sort];
    const main: MultiSearchQuery = {
      indexUid: this.indexUid,
      q,
      matchingStrategy,
      filter: meilisearchFilter(query.filters),
      facets: FACET_FIELDS.filter((f) => !filtered.includes(f)),
      page: query.page,
      hitsPerPage: query.limit,
      ...(sort ? { sort } : {}),
    };
    const facetQueries: MultiSearchQuery[] = filtered.map((field) => ({
      indexUid: this.indexUid,
      q,
      matchingStrategy,
      filter: meilisearchFilter(query.filters, field),
      facets: [field],
      page: 1,
      hitsPerPage: 0,
    }));
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, SearchHit>({
      queries: [main, ...facetQueries],
    });
    const [first, ...rest] = results as SearchResponse<SearchHit>[];
    const facets = emptyFacets();
    for (const response of [first, ...rest]) {
      for (const [field, counts] of Object.entries(response?.facetDistribution ?? {})) {
        if ((FACET_FIELDS as readonly string[]).includes(field)) facets[field as FacetField] = { ...counts };
      }
    }
    return {
      hits: (first?.hits ?? []).map(toHit),
      total: first?.totalHits ?? 0,
      facets,
      page: query.page,
      limit: query.limit,
    };
  }
}
