/**
 * Vietnamese text folding shared by slugs, header matching, province lookup and search.
 * Pure functions, no framework imports.
 */

/** Removes every tone and vowel mark and maps đ/Đ to d/D ("Nước mắm" → "Nuoc mam"). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lower-case, diacritic-free, single-spaced form used to compare names. */
export function foldForMatch(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Compact key that also ignores spaces, underscores and punctuation ("Tên sản phẩm" = "ten_san_pham"). */
export function compactKey(text: string): string {
  return foldForMatch(text).replace(/ /g, '');
}

/** URL-safe slug folded from Vietnamese ("Nước mắm Phú Quốc" → "nuoc-mam-phu-quoc"). */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldForMatch(text).replace(/ /g, '-');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so a long product name never ends in half a syllable.
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength);
}
