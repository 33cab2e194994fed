/**
 * The pure part of the header's instant search (./search-box.ts): what to fetch, which
 * suggestions an answer of /api/search gives, what the live region says, and where the arrow,
 * Home and End keys move the active option. No DOM here, so it is unit-tested in Node.
 */
import type { Level, ProductGroup } from '~/catalogue';
import { formatNumber, formatVnd } from '~/i18n/format';
import { type Locale, localePath } from '~/i18n/locales';
import type { SearchResult } from '~/search/types';
import { fill } from '~/ui/client/dom';

export const MIN_CHARS = 2;
/** At most one request per this many milliseconds (a paste or a held key sends one, not ten). */
export const THROTTLE_MS = 40;
export const TOP_HITS = 5;
export const TOP_GROUPS = 3;

/**
 * The few translated texts the browser needs, rendered by the server into a data attribute
 * (templates keep their "{name}" placeholders), so no strings table is shipped.
 */
export interface SearchBoxText {
  locale: Locale;
  priceFrom: string;
  notSoldOnline: string;
  inGroup: string;
  seeAll: string;
  statusCount: string;
  statusNone: string;
  levels: Record<Level, string>;
  groups: Record<ProductGroup, string>;
}

export interface Suggestion {
  href: string;
  label: string;
  /** Only products have a detail line; group and "see all" links are styled as "more". */
  detail?: string;
}

/**
 * How long to wait before sending a request, given when the last one was sent: nothing when
 * the last is older than THROTTLE_MS, so a keystroke at typing speed is looked up at once
 * (results within 100 ms of the key), and bursts wait for the end of the window.
 */
export function delayBeforeRequest(now: number, lastSentAt: number | undefined): number {
  return lastSentAt === undefined ? 0 : Math.max(0, lastSentAt + THROTTLE_MS - now);
}

/** The /api/search request for what the person typed; null when too short to look up. */
export function searchRequest(raw: string): { q: string; url: string } | null {
  const q = raw.trim();
  if (q.length < MIN_CHARS) return null;
  return { q, url: `/api/search?${new URLSearchParams({ q, limit: String(TOP_HITS) })}` };
}

function resultsHref(locale: Locale, params: Record<string, string>): string {
  return `${localePath(locale, '/search/')}?${new URLSearchParams(params)}`;
}

/** Top products, then the product groups with most matches, then "see all"; none without results. */
export function suggestionsOf(result: SearchResult, q: string, text: SearchBoxText): Suggestion[] {
  if (result.total === 0) return [];
  const { locale } = text;
  const hits = result.hits.slice(0, TOP_HITS).map((hit) => ({
    href: localePath(locale, hit.url),
    label: hit.name,
    detail: [
      hit.facility,
      hit.province,
      text.levels[hit.level],
      hit.price !== undefined
        ? fill(text.priceFrom, { price: formatVnd(hit.price, locale) })
        : text.notSoldOnline,
    ].join(' · '),
  }));
  const groups = Object.entries(result.facets.group)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_GROUPS)
    .map(([group, count]) => ({
      href: resultsHref(locale, { q, group }),
      label: fill(text.inGroup, {
        group: text.groups[group as ProductGroup] ?? group,
        count: formatNumber(count, locale),
      }),
    }));
  const all = {
    href: resultsHref(locale, { q }),
    label: fill(text.seeAll, { count: formatNumber(result.total, locale) }),
  };
  return [...hits, ...groups, all];
}

/** What the polite live region says about an answer ('' before any). */
export function statusText(result: SearchResult | null, shown: number, text: SearchBoxText): string {
  if (!result) return '';
  if (result.total === 0) return text.statusNone;
  return fill(text.statusCount, { count: formatNumber(result.total, text.locale), shown });
}

export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/**
 * The option a key makes active among `count` options (-1: none). A closed popup opens on the
 * first (Down) or last (Up) option; arrows wrap around; Home and End go to the ends.
 */
export function nextActive(key: NavigationKey, active: number, count: number, expanded: boolean): number {
  if (count === 0) return -1;
  const last = count - 1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowDown':
      return !expanded ? 0 : (active + 1) % count;
    case 'ArrowUp':
      return !expanded || active <= 0 ? last : active - 1;
  }
}
