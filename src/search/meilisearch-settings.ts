/**
 * Meilisearch index settings, kept in code and applied by `npm run search:sync` before any
 * document, so an index never serves with stale settings. They carry the embedded engine's
 * relevance rules as far as Meilisearch can express them (README "Search" lists which hold
 * where); the per-query rules (marked words, descriptions last) are in meilisearch.ts.
 */
import type { Settings } from 'meilisearch';
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from './analysis';
import type { SearchDocument } from './documents';
import { FACET_FIELDS, type Sort } from './types';
import { catalogueWords } from './vocabulary';

/**
 * In order of importance for the "attribute" ranking rule. The name's words as written with
 * their marks come first (searched only when the query carries marks), then codes and the
 * name; descriptions come last (searched only when nothing else matches).
 */
export const SEARCHABLE_ATTRIBUTES = [
  'nameMarked',
  'codeKeys',
  'codesText',
  'nameText',
  'joinedText',
  'synonymsText',
  'facilityText',
  'placeText',
  'groupText',
  'descriptionText',
] as const satisfies readonly (keyof SearchDocument)[];

export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

/** Matched exactly, as in the embedded engine: codes, marked names, group words, descriptions. */
export const EXACT_ATTRIBUTES: readonly SearchableAttribute[] = [
  'nameMarked',
  'codeKeys',
  'codesText',
  'groupText',
  'descriptionText',
];

export function meilisearchSettings(documents: readonly SearchDocument[]): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
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
      // The embedded engine's thresholds (analysis.typoBudget): none under 4 letters, two from 8.
      minWordSizeForTypos: { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM },
      disableOnAttributes: [...EXACT_ATTRIBUTES],
      // A word the catalogue has is taken as typed, never as a typo of its neighbours.
      disableOnWords: catalogueWords(documents),
    },
    faceting: { maxValuesPerFacet: 100 },
    // Exact totals for the result count and pagination.
    pagination: { maxTotalHits: 100_000 },
  };
}

/**
 * The attributes one query searches: the marked name only when a query word carries marks
 * (the embedded engine matches it only then), descriptions only on the second try.
 */
export function attributesToSearchOn(options: { marked: boolean; descriptions: boolean }): string[] {
  return SEARCHABLE_ATTRIBUTES.filter(
    (a) => (a !== 'nameMarked' || options.marked) && (a !== 'descriptionText' || options.descriptions),
  );
}

export const MEILISEARCH_SORT: Record<Sort, string[] | undefined> = {
  relevance: undefined,
  'price-asc': ['price:asc'],
  'price-desc': ['price:desc'],
  newest: ['newestYear:desc'],
  name: ['nameSort:asc'],
};
