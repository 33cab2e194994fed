/**
 * Meilisearch index settings, kept in code and applied by `npm run search:sync` before any
 * document, so an index never serves with stale settings.
 */
import type { Settings } from 'meilisearch';
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from './analysis';
import { FACET_FIELDS, type Sort } from './types';

export const MEILISEARCH_SETTINGS: Settings = {
  // In order of importance for the "attribute" rule: a code or the name beats the description.
  searchableAttributes: [
    'codeKeys',
    'codesText',
    'nameText',
    'joinedText',
    'synonymsText',
    'facilityText',
    'placeText',
    'groupText',
    'descriptionText',
  ],
  filterableAttributes: [...FACET_FIELDS, 'hasListing', 'price'],
  sortableAttributes: ['price', 'newestYear', 'nameSort', 'levelRank'],
  displayedAttributes: [
    'id',
    'name',
    'url',
    'facility',
    'province',
    'level',
    'group',
    'price',
    'availability',
  ],
  // "sort" first: a chosen order (price, newest, name) is the order, not a tie-break. Without
  // one, relevance decides and higher levels, newer rounds and the name break ties, as in the
  // embedded engine.
  rankingRules: [
    'sort',
    'words',
    'typo',
    'proximity',
    'attribute',
    'exactness',
    'levelRank:desc',
    'newestYear:desc',
    'nameSort:asc',
  ],
  // Synonyms are applied by the document builder, with diacritics (src/search/synonyms.ts).
  // Query-time synonyms would only see folded words and merge "mỳ" with "mỹ": keep them empty.
  synonyms: {},
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM },
    disableOnAttributes: ['codeKeys', 'codesText'],
  },
  faceting: { maxValuesPerFacet: 100 },
  // Exact totals for the result count and pagination.
  pagination: { maxTotalHits: 100_000 },
};

export const MEILISEARCH_SORT: Record<Sort, string[] | undefined> = {
  relevance: undefined,
  'price-asc': ['price:asc'],
  'price-desc': ['price:desc'],
  newest: ['newestYear:desc'],
  name: ['nameSort:asc'],
};
