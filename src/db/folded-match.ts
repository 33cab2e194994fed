/**
 * "Contains this text" in SQL the way people search Vietnamese names: without case or
 * diacritics, so "nguyen thi lan" finds "Nguyễn Thị Lan". PGlite has no unaccent extension and
 * lower() in the C locale leaves "Ễ" alone, so the marks are folded with translate(): the map
 * is built here from the same folding the site's search uses (NFD, marks dropped, đ → d), and
 * combining marks of text stored decomposed are deleted (translate drops characters of its
 * first list that have no counterpart in the second).
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function foldingMap(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x00c0, 0x024f], // Latin-1 Supplement and Latin Extended-A/B: à, đ, ơ, ư…
    [0x1e00, 0x1eff], // Latin Extended Additional: ạ, ấ, ệ, ữ…
  ];
  for (const [first, last] of ranges)
    for (let code = first; code <= last; code++) {
      const char = String.fromCodePoint(code);
      const folded = fold(char);
      if (folded !== char && /^[A-Za-z]$/.test(folded)) {
        from += char;
        to += folded.toLowerCase();
      }
    }
  // Combining marks last, with nothing opposite them: deleted.
  for (let code = 0x0300; code <= 0x036f; code++) from += String.fromCodePoint(code);
  return { from, to };
}

const MAP = foldingMap();

/** What a typed search becomes before it is compared: folded, lower-case, single-spaced. */
export function foldedNeedle(text: string): string {
  return fold(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The column folded as foldedNeedle folds what is typed. */
export function foldedColumn(column: SQLWrapper): SQL {
  return sql`lower(translate(${column}, ${MAP.from}, ${MAP.to}))`;
}

/** True where the column, folded, contains the typed text, folded (LIKE wildcards taken literally). */
export function foldedContains(column: SQLWrapper, text: string): SQL {
  const needle = foldedNeedle(text).replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${foldedColumn(column)} LIKE ${`%${needle}%`} ESCAPE '\\'`;
}
