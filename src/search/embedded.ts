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
 *
 * Built once; then `update` swaps single products' documents in place (live listings,
 * revocations: live-search.ts), so a facility's new price needs no rebuild.
 */
import MiniSearch, { type Query } from 'minisearch';
import { codeKey, foldWord, hasMarks, looksLikeCode, typoBudget, words } from './analysis';
import type { SearchDocument } from './documents';
import { type Candidate, type Entry, FacetTable, refine, sortCandidates } from './refine';
import type { SearchEngine, SearchQuery, SearchResult } from './types';
import { catalogueWords, documentWords } from './vocabulary';

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
/** Every field MiniSearch indexes: a document whose fields here are unchanged keeps its postings. */
const INDEXED_FIELDS = [...KEY_FIELDS, ...EXACT_FIELDS.withDescription, MARKED_FIELD, CODE_FIELD] as const;
/** The fields the empty query's order (refine's tie-break) reads. */
const ORDER_FIELDS = ['levelRank', 'newestYear', 'nameSort'] as const;

function differ(a: SearchDocument, b: SearchDocument, fields: readonly (keyof SearchDocument)[]): boolean {
  return fields.some((field) => a[field] !== b[field]);
}

/** Higher certification levels rank higher among similar matches (levelRank 1–4). */
function levelBoost(levelRank: number): number {
  return 1 + 0.1 * levelRank;
}

function countWords(counts: Map<string, number>, document: SearchDocument): void {
  for (const word of documentWords(document)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/**
 * Every word of the catalogue's text, sorted, to tell a known word (or the start of one) from a
 * typo. How many documents hold each word is counted only when a first update needs it, so
 * the first build costs what it always did.
 */
class Vocabulary {
  private readonly terms: string[];
  private counts: Map<string, number> | undefined;

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

  get prepared(): boolean {
    return this.counts !== undefined;
  }

  /** Counts the words of the documents indexed now, once, before the first add or remove. */
  prepare(documents: readonly SearchDocument[]): void {
    if (this.counts) return;
    const counts = new Map<string, number>();
    for (const document of documents) countWords(counts, document);
    this.counts = counts;
  }

  /** The same, with `pause` let run every `chunk` documents (the default sample's take some 50 ms). */
  async prepareGradually(
    documents: readonly SearchDocument[],
    chunk: number,
    pause: () => Promise<void>,
  ): Promise<void> {
    const counts = new Map<string, number>();
    for (let i = 0; i < documents.length; i++) {
      if (i > 0 && i % chunk === 0) await pause();
      countWords(counts, documents[i]!);
    }
    this.counts ??= counts;
  }

  add(document: SearchDocument): void {
    const counts = this.counts!;
    for (const word of documentWords(document)) {
      const n = counts.get(word) ?? 0;
      if (n === 0) this.terms.splice(this.lowerBound(word), 0, word);
      counts.set(word, n + 1);
    }
  }

  remove(document: SearchDocument): void {
    const counts = this.counts!;
    for (const word of documentWords(document)) {
      const n = counts.get(word) ?? 0;
      if (n > 1) {
        counts.set(word, n - 1);
        continue;
      }
      counts.delete(word);
      const at = this.lowerBound(word);
      if (this.terms[at] === word) this.terms.splice(at, 1);
    }
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
  private readonly byId: Map<string, Entry>;
  /** Every document with score 0, already in the order of an empty query; update replaces it. */
  private everything: readonly Candidate[];

  constructor(documents: readonly SearchDocument[]) {
    const entries = documents.map((doc) => this.table.entry(doc));
    this.byId = new Map(entries.map((e) => [e.doc.id, e]));
    this.everything = sortCandidates(
      entries.map((entry) => ({ entry, score: 0 })),
      'relevance',
    );
    this.vocabulary = new Vocabulary(documents);
    this.index = new MiniSearch<SearchDocument>({
      fields: [...INDEXED_FIELDS],
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

  /**
   * Readies the first update a chunk at a time, with `pause` between chunks, so that update does
   * not stop the server while it counts the vocabulary's words. No update may run meanwhile.
   */
  async prepareUpdates(pause: () => Promise<void>, chunk = 500): Promise<void> {
    if (!this.vocabulary.prepared) await this.vocabulary.prepareGradually(this.documents(), chunk, pause);
  }

  private documents(): SearchDocument[] {
    return Array.from(this.byId.values(), (entry) => entry.doc);
  }

  /**
   * Indexes `upserts` in place of the same products' documents (adding products it did not
   * have) and drops the products in `removed`, in one synchronous step: a search sees all of it
   * or none. MiniSearch re-indexes only documents whose text changed (a new price is not one),
   * with remove() rather than discard(), so term statistics, and with them scores, are at once
   * those of a fresh build, with nothing left to vacuum. Facet values are codes added as they
   * appear (a value no product has any more counts zero, which is left out); the empty query's
   * order is re-sorted only when a product came, went or changed its level, round or name.
   */
  update(upserts: readonly SearchDocument[], removed: readonly string[] = []): void {
    if (!this.vocabulary.prepared) this.vocabulary.prepare(this.documents());
    let reorder = false;
    const replaced = new Map<string, Entry>();
    for (const id of removed) {
      const entry = this.byId.get(id);
      if (!entry) continue;
      this.index.remove(entry.doc);
      this.vocabulary.remove(entry.doc);
      this.byId.delete(id);
      reorder = true;
    }
    for (const doc of upserts) {
      const before = this.byId.get(doc.id);
      if (!before || differ(before.doc, doc, INDEXED_FIELDS)) {
        if (before) {
          this.index.remove(before.doc);
          this.vocabulary.remove(before.doc);
        }
        this.index.add(doc);
        this.vocabulary.add(doc);
      }
      const entry = this.table.entry(doc);
      this.byId.set(doc.id, entry);
      if (!before || differ(before.doc, doc, ORDER_FIELDS)) reorder = true;
      else replaced.set(doc.id, entry);
    }
    this.everything = reorder
      ? sortCandidates(
          Array.from(this.byId.values(), (entry) => ({ entry, score: 0 })),
          'relevance',
        )
      : this.everything.map((c) => {
          const entry = replaced.get(c.entry.doc.id);
          return entry ? { entry, score: 0 } : c;
        });
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
