/**
 * Synonyms kept as data in content/search/synonyms.json. They are applied when a document is
 * built, not when a query is read: the product text still has its diacritics, so "mỳ" can be
 * told from "mỹ" (as in "mỹ nghệ") and "trà" from "tra" (as in "cá tra"), which a query typed
 * without accents cannot. Both backends index the result, so they agree.
 *
 * Proper names are not matched (analysis.commonWords): "Trà" in "Tinh dầu quế Trà Bồng" is a
 * place, not tea.
 */
import { z } from 'zod';
import raw from '#content/search/synonyms.json';
import { PRODUCT_GROUPS, type ProductGroup } from '~/catalogue';
import { codeKey, commonWords, foldWord, words } from './analysis';

const phrase = z.string().trim().min(1);
const synonymsFile = z.object({
  groups: z.array(z.array(phrase).min(2, 'a synonym group needs at least two members')),
  groupWords: z.record(z.enum(PRODUCT_GROUPS), z.array(phrase)),
});

function parseSynonyms(data: unknown): z.infer<typeof synonymsFile> {
  const result = synonymsFile.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`content/search/synonyms.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

const file = parseSynonyms(raw);
// Each member as its word sequence, lower-case with diacritics ("Nước mắm" → ["nước", "mắm"]).
const GROUPS = file.groups.map((group) => group.map(words));
// Each phrase as one folded word ("Thủ công" → "thucong").
const GROUP_WORDS = new Map(
  PRODUCT_GROUPS.map((g) => [g, (file.groupWords[g] ?? []).map(codeKey).join(' ')]),
);

function containsSequence(haystack: readonly (string | undefined)[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Folded words of every synonym group with a member in `text` (diacritics compared as
 * written): "Chè Shan tuyết" → ["che", "tra", "tea"].
 */
export function synonymsOf(text: string): string[] {
  const sentences = commonWords(text);
  const found = new Set<string>();
  for (const group of GROUPS) {
    if (!group.some((member) => sentences.some((sentence) => containsSequence(sentence, member)))) continue;
    for (const member of group) for (const w of member) found.add(foldWord(w));
  }
  return [...found];
}

/** The words that find every product of a programme group ("thucong mynghe handicraft …"). */
export function groupWordsOf(group: ProductGroup): string {
  return GROUP_WORDS.get(group) ?? '';
}
