/**
 * The embedded backend: MiniSearch in the server process, built once from the documents.
 *
 * A query is read the way Vietnamese is typed on a phone: each word is matched folded (no
 * tones or marks); in the short, telling fields (name, synonyms, facility, place) it may also
 * be the start of a word (the last word, being typed) or carry a typo (analysis.typoBudget),
 * but only when it is not a word of the catalogue already: a real syllable typed right is
 * not "corrected" into its neighbours, and typo search stays cheap. A word typed with its
 * marks also matches the name exactly as written, which ranks "trà" above "cá tra", and is
 * taken as complete (see wordQuery). Every word must match, first outside the descriptions,
 * then in them too; when that finds nothing, any word may. A query that looks like a
 * certificate number or decision is also looked up as a code.
 */
import MiniSearch, { type Query } from 'minisearch';
import { codeKey, foldWord, hasMarks, looksLikeCode, typoBudget, words } from './analysis';
import type { SearchDocument } from './documents';
import { type Candidate, type Entry, FacetTable, refine, sortCandidates } from './refine';
import type { SearchEngine, SearchQuery, SearchResult } from './types';
import { catalogueWords } from './vocabulary';

/** Fields searched with prefixes and typos, and their weights: the product name counts most. */
const KEY_BOOST = { nameText: 4, joinedText: 2, synonymsText: 2, facilityText: 1.5, placeText: 1 } as const;
/** Whole words only. */
const EXACT_BOOST = { groupText: 0.5, descriptionText: 0.3 } as const;
const KEY_FIELDS = Object.keys(KEY_BOOST) as (keyof typeof KEY_BOOST)[];
/** Descriptions are searched only when the other fields find nothing (see match). */
const EXACT_FIELDS = {
  withoutDescription: ['groupText'],
  withDescription: ['groupText', 'descriptionText'],
} as const;
const MARKED_FIELD = 'nameMarked';
const CODE_FIELD = 'codeKeys';

/** Higher certification levels rank higher among similar matches (levelRank 1–4). */
function levelBoost(levelRank: number): number {
  return 1 + 0.1 * levelRank;
}

/** Every word of the catalogue's text, sorted, to tell a known word (or the start of one) from a typo. */
class Vocabulary {
  private readonly terms: string[];

  constructor(documents: readonly SearchDocument[]) {
    // The same words the Meilisearch settings exempt from typos (./vocabulary.ts).
    this.terms = catalogueWords(documents);
  }

  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(term: string): boolean {
    return this.terms[this.lowerBound(term)] === term;
  }

  hasPrefix(prefix: string): boolean {
    return this.terms[this.lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }
}

interface QueryWord {
  folded: string;
  /** The word as typed, when it carries marks. */
  marked?: string;
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly backend = 'embedded' as const;
  private readonly index: MiniSearch<SearchDocument>;
  private readonly vocabulary: Vocabulary;
  private readonly table = new FacetTable();
  private readonly byId: ReadonlyMap<string, Entry>;
  /** Every document with score 0, already in the order of an empty query. */
  private readonly everything: readonly Candidate[];

  constructor(documents: readonly SearchDocument[]) {
    const entries = documents.map((doc) => this.table.entry(doc));
    this.byId = new Map(entries.map((e) => [e.doc.id, e]));
    this.everything = sortCandidates(
      entries.map((entry) => ({ entry, score: 0 })),
      'relevance',
    );
    this.vocabulary = new Vocabulary(documents);
    this.index = new MiniSearch<SearchDocument>({
      fields: [...KEY_FIELDS, ...EXACT_FIELDS.withDescription, MARKED_FIELD, CODE_FIELD],
      storeFields: [],
      // The document builder already folded and spaced every field.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: {
        // Queries arrive as single, already processed terms (see wordQuery).
        tokenize: (text) => [text],
        processTerm: (term) => term,
        boost: { ...KEY_BOOST, ...EXACT_BOOST, [MARKED_FIELD]: 3, [CODE_FIELD]: 8 },
      },
    });
    this.index.addAll(documents);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const candidates = this.match(query.q);
    return refine(
      this.table,
      candidates,
      query,
      candidates === this.everything && query.sort === 'relevance',
    );
  }

  private wordQuery(word: QueryWord, typing: boolean, exactFields: readonly string[]): Query {
    // A word typed with its marks is usually complete (phone keyboards add the tone last):
    // "trà" is not the start of "trang". Only its marked form is completed, in names.
    const completing = typing && !word.marked;
    const known = completing ? this.vocabulary.hasPrefix(word.folded) : this.vocabulary.has(word.folded);
    // One typed letter starts thousands of words: complete it from product names only.
    const expand = completing && word.folded.length === 1 ? ['nameText'] : KEY_FIELDS;
    const queries: Query[] = [
      {
        queries: [word.folded],
        fields: expand,
        prefix: completing,
        fuzzy: known ? false : typoBudget(word.folded),
      },
      { queries: [word.folded], fields: [...exactFields], prefix: false, fuzzy: false },
    ];
    if (word.marked)
      queries.push({ queries: [word.marked], fields: [MARKED_FIELD], prefix: typing, fuzzy: false });
    return { combineWith: 'OR', queries };
  }

  private match(q: string): readonly Candidate[] {
    const queryWords: QueryWord[] = words(q).map((w) =>
      hasMarks(w) ? { folded: foldWord(w), marked: w } : { folded: w },
    );
    if (queryWords.length === 0) return this.everything;
    const code: Query | undefined = looksLikeCode(q)
      ? { queries: [codeKey(q)], fields: [CODE_FIELD], fuzzy: false, prefix: true }
      : undefined;
    const run = (combineWith: 'AND' | 'OR', exactFields: readonly string[]) => {
      const last = queryWords.length - 1;
      const text: Query = {
        combineWith,
        queries: queryWords.map((w, i) => this.wordQuery(w, i === last, exactFields)),
      };
      return this.index.search(code ? { combineWith: 'OR', queries: [text, code] } : text);
    };
    // Descriptions restate common words ("nguyên liệu" folds into the surname Nguyễn): they
    // are searched only when names, places and synonyms have nothing, which keeps results
    // precise and common words cheap.
    let results = run('AND', EXACT_FIELDS.withoutDescription);
    if (results.length === 0) results = run('AND', EXACT_FIELDS.withDescription);
    if (results.length === 0 && queryWords.length > 1) results = run('OR', EXACT_FIELDS.withDescription);
    // The level boost applies to the whole score here rather than per matched term through
    // MiniSearch's boostDocument: the same ranking, without a callback for every posting.
    return results.map((r) => {
      const entry = this.byId.get(r.id as string)!;
      return { entry, score: r.score * levelBoost(entry.doc.levelRank) };
    });
  }
}
