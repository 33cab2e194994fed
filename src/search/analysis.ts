/**
 * How search reads Vietnamese text, shared by the document builder (both backends) and the
 * embedded engine's query parser, so the index and the queries are cut the same way.
 * Pure functions, no framework imports.
 */
import { compactKey, foldDiacritics } from '~/text/vietnamese';

/** Lower-case words with their diacritics (NFC), split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const folds = new Map<string, string>();
/** Words repeat across a catalogue; folding (two Unicode normalisations) is the costly part. */
const FOLD_CACHE_LIMIT = 100_000;

/** A word without tones, vowel marks or đ ("mắm" → "mam"). Expects a lower-case word. */
export function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    folded = foldDiacritics(word);
    if (folds.size >= FOLD_CACHE_LIMIT) folds.clear();
    folds.set(word, folded);
  }
  return folded;
}

const isCapitalised = (word: string) => word !== word.toLowerCase();

/**
 * The words of each sentence that may be common words, lower-cased; a capitalised word inside
 * a sentence is taken for a proper name and left out (undefined): "Trà" in "Sâm Ngọc Linh Nam
 * Trà My" is a place, not tea.
 */
export function commonWords(text: string): (string | undefined)[][] {
  return text
    .normalize('NFC')
    .split(/[.!?;:\n]+/)
    .map((sentence) =>
      sentence
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '')
        .map((w, i) => (i === 0 || !isCapitalised(w) ? w.toLowerCase() : undefined)),
    );
}

/** True when the word carries a tone or vowel mark, or đ: the writer said which word they meant. */
export function hasMarks(word: string): boolean {
  return foldWord(word) !== word;
}

/** Folded words joined by spaces: what the backends index and match ("Nước mắm" → "nuoc mam"). */
export function foldedText(text: string): string {
  return words(text).map(foldWord).join(' ');
}

/**
 * Neighbouring syllables run together ("nuoc mam phu quoc" → "nuocmam mamphu phuquoc"), so a
 * query typed without spaces, as some phone keyboards do, still finds the name.
 */
export function joinedPairs(folded: string): string {
  const syllables = folded.split(' ').filter(Boolean);
  const pairs: string[] = [];
  for (let i = 1; i < syllables.length; i++) pairs.push(`${syllables[i - 1]}${syllables[i]}`);
  return pairs.join(' ');
}

/** A certificate number or decision as one token that ignores case, marks and punctuation ("3116/QĐ-BCT" → "3116qdbct"). */
export function codeKey(code: string): string {
  return compactKey(code);
}

/** Codes people type contain digits; plain words never go to the code index. */
export function looksLikeCode(text: string): boolean {
  const key = codeKey(text);
  return key.length >= 3 && /\d/.test(key);
}

/**
 * Edits allowed for a typo in a folded term. Vietnamese syllables are short (most 2–5
 * letters, "nghieng" at 7 is the longest), and one edit turns a 3-letter syllable into
 * another real one ("mam" → "man", "mat"), so short terms must match exactly; one edit from
 * 4 letters ("mamm" → "mam"), two from 8 (joined syllables such as "battrang").
 * The Meilisearch settings use the same thresholds (minWordSizeForTypos 4 and 8).
 */
export const ONE_TYPO_FROM = 4;
export const TWO_TYPOS_FROM = 8;
export function typoBudget(term: string): number {
  if (term.length >= TWO_TYPOS_FROM) return 2;
  if (term.length >= ONE_TYPO_FROM) return 1;
  return 0;
}

/** Vowel-quality marks that make a different letter in the Vietnamese alphabet (ă â ê ô ơ ư). */
const LETTER_MARKS: Record<string, string> = { '\u0306': '1', '\u0302': '2', '\u031b': '3' };

/**
 * A plain ASCII key that sorts names in Vietnamese alphabetical order (a ă â b c d đ e ê …),
 * ignoring tones; both backends sort by it, so "name" order is the same everywhere.
 */
export function nameSortKey(name: string): string {
  let key = '';
  for (const ch of name.normalize('NFD').toLowerCase()) {
    const mark = LETTER_MARKS[ch];
    if (mark !== undefined) key = `${key.slice(0, -1)}${mark}`;
    else if (/[\u0300-\u036f]/.test(ch))
      continue; // a tone: ignored at this level
    else if (ch === 'đ') key += 'd4';
    else if (/[a-z]/.test(ch)) key += `${ch}0`;
    else if (/[0-9]/.test(ch)) key += ch;
    else if (!key.endsWith(' ')) key += ' ';
  }
  return key.trim();
}
