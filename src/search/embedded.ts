/**
 * The embedded backend: MiniSearch in the server process, built once from the documents.
 *
 * A query is read the way Vietnamese is typed on a phone: each word is matched folded (no
 * tones or marks) in every text field, with a typo budget that suits short syllables
 * (analysis.typoBudget) and prefix matching on the word being typed; a word typed with its
 * marks also matches the name exactly as written, which ranks "trà" above "cá tra". Every
 * word must match; when that finds nothing, any word may. A query that looks like a
 * certificate number or decision is also looked up as a code.
 */
import MiniSearch, { type Query } from 'minisearch';
import { codeKey, foldWord, hasMarks, looksLikeCode, typoBudget, words } from './analysis';
import type { SearchDocument } from './documents';
import { refine, type Candidate } from './refine';
import type { SearchEngine, SearchQuery, SearchResult } from './types';

/** Folded text fields and their weights: the product name counts most. */
const TEXT_BOOST = {
  nameText: 4,
  joinedText: 2,
  synonymsText: 2,
  facilityText: 1.5,
  placeText: 1,
  groupText: 0.5,
  descriptionText: 0.3,
} as const;
const TEXT_FIELDS = Object.keys(TEXT_BOOST) as (keyof typeof TEXT_BOOST)[];
/** The name's words that carry marks, kept as written. */
const MARKED_FIELD = 'name';
const CODE_FIELD = 'codeKeys';

/** Higher certification levels rank higher among similar matches (levelRank 1–4). */
function levelBoost(levelRank: number): number {
  return 1 + 0.1 * levelRank;
}

interface QueryWord {
  folded: string;
  /** The word as typed, when it carries marks. */
  marked?: string;
}

function wordQuery(word: QueryWord, typing: boolean): Query {
  const folded: Query = { queries: [word.folded], fields: TEXT_FIELDS, fuzzy: typoBudget(word.folded), prefix: typing };
  if (!word.marked) return folded;
  const exact: Query = { queries: [word.marked], fields: [MARKED_FIELD], fuzzy: false, prefix: typing };
  return { combineWith: 'OR', queries: [folded, exact] };
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly backend = 'embedded' as const;
  private readonly index: MiniSearch<SearchDocument>;
  private readonly byId: ReadonlyMap<string, SearchDocument>;
  private readonly everything: readonly Candidate[];

  constructor(documents: readonly SearchDocument[]) {
    this.byId = new Map(documents.map((d) => [d.id, d]));
    this.everything = documents.map((doc) => ({ doc, score: 0 }));
    const boostById = new Map(documents.map((d) => [d.id, levelBoost(d.levelRank)]));
    this.index = new MiniSearch<SearchDocument>({
      fields: [...TEXT_FIELDS, MARKED_FIELD, CODE_FIELD],
      storeFields: [],
      // The document builder already folded and spaced the text fields.
      tokenize: (text, field) => (field === MARKED_FIELD ? words(text) : text.split(' ')),
      processTerm: (term, field) => (field === MARKED_FIELD ? (hasMarks(term) ? term : null) : term || null),
      searchOptions: {
        // Queries arrive as single, already processed terms (see wordQuery).
        tokenize: (text) => [text],
        processTerm: (term) => term,
        boost: { ...TEXT_BOOST, [MARKED_FIELD]: 3, [CODE_FIELD]: 8 },
        boostDocument: (id) => boostById.get(id as string) ?? 1,
      },
    });
    this.index.addAll(documents);
  }

  get size(): number {
    return this.byId.size;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return refine(this.match(query.q), query);
  }

  private match(q: string): readonly Candidate[] {
    const queryWords: QueryWord[] = words(q).map((w) => (hasMarks(w) ? { folded: foldWord(w), marked: w } : { folded: w }));
    const code: Query | undefined = looksLikeCode(q)
      ? { queries: [codeKey(q)], fields: [CODE_FIELD], fuzzy: false, prefix: true }
      : undefined;
    if (queryWords.length === 0 && !code) return this.everything;

    const run = (combineWith: 'AND' | 'OR') => {
      const text: Query = {
        combineWith,
        queries: queryWords.map((w, i) => wordQuery(w, i === queryWords.length - 1)),
      };
      return this.index.search(code ? { combineWith: 'OR', queries: [text, code] } : text);
    };
    let results = run('AND');
    if (results.length === 0 && queryWords.length > 1) results = run('OR');
    return results.map((r) => ({ doc: this.byId.get(r.id as string)!, score: r.score }));
  }
}
