/**
 * The catalogue's own words: every folded word of the text fields queries are matched against.
 * A query word found here was typed as the catalogue spells it, so neither engine "corrects"
 * it into a neighbour (one edit turns one Vietnamese syllable into another: "mam" → "man").
 * The embedded engine looks words up in it; the Meilisearch settings send it as the words
 * typo tolerance is disabled on.
 */
import type { SearchDocument } from './documents';

/** Names, joined syllables, synonyms, facility, places, group words and descriptions; not codes. */
export const MATCHED_TEXT_FIELDS = [
  'nameText',
  'joinedText',
  'synonymsText',
  'facilityText',
  'placeText',
  'groupText',
  'descriptionText',
] as const satisfies readonly (keyof SearchDocument)[];

/** Every distinct word of those fields, sorted. */
export function catalogueWords(documents: readonly SearchDocument[]): string[] {
  const set = new Set<string>();
  for (const d of documents) {
    for (const field of MATCHED_TEXT_FIELDS) for (const t of d[field].split(' ')) if (t) set.add(t);
  }
  return [...set].sort();
}

/** The distinct words of one document's matched fields (what it adds to catalogueWords). */
export function documentWords(document: SearchDocument): Set<string> {
  const set = new Set<string>();
  for (const field of MATCHED_TEXT_FIELDS) for (const t of document[field].split(' ')) if (t) set.add(t);
  return set;
}
