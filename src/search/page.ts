/**
 * What the server-rendered /search/ page shows for a URL: the search it runs, the facet
 * options of its filter form, and the links of its pages. Pure logic; the page renders it.
 */
import {
  AVAILABILITIES,
  GROUP_NAMES,
  LEVEL_NAMES,
  LEVELS,
  PRODUCT_GROUPS,
  REGION_NAMES,
  REGIONS,
} from '~/catalogue';
import { log } from '~/config/log';
import type { Locale } from '~/i18n/locales';
import { joinRepeatedParams, type SearchParams, searchParamsSchema, toSearchQuery } from './request';
import { searchStrings } from './strings';
import type { FacetField, Facets, SearchEngine, SearchResult } from './types';

export interface SearchPageModel {
  status: 200 | 400 | 503;
  params: SearchParams;
  /** Parameters that were not valid and were ignored. */
  ignored: string[];
  result?: SearchResult;
}

/**
 * Runs the search of a page URL. Unlike the API, a page with a bad parameter (an old link, a
 * hand-edited URL) still shows results: the bad parameters are named and ignored.
 */
export async function searchPageModel(
  url: URL,
  engine: () => Promise<SearchEngine>,
): Promise<SearchPageModel> {
  const raw = Object.fromEntries(joinRepeatedParams(url).searchParams);
  let parsed = searchParamsSchema.safeParse(raw);
  const ignored: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ignored.push(String(issue.path[0] ?? ''));
    for (const key of ignored) delete raw[key];
    parsed = searchParamsSchema.safeParse(raw);
  }
  const params = parsed.success ? parsed.data : searchParamsSchema.parse({});
  const unique = [...new Set(ignored)].filter(Boolean);
  try {
    const result = await (await engine()).search(toSearchQuery(params));
    return { status: unique.length > 0 ? 400 : 200, params, ignored: unique, result };
  } catch (error) {
    log().error({ err: error }, 'search page failed');
    return { status: 503, params, ignored: unique };
  }
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

const AVAILABILITY_KEYS = {
  in_stock: 'availabilityInStock',
  made_to_order: 'availabilityMadeToOrder',
  not_sold_online: 'availabilityNotSoldOnline',
} as const;

/** Values of a facet in a stable order, with names in the locale; empty ones left out unless ticked. */
export function facetOptions(
  field: FacetField,
  facets: Facets,
  params: SearchParams,
  locale: Locale,
): FacetOption[] {
  const counts = facets[field];
  const selected = (params[field] ?? []) as readonly string[];
  const t = searchStrings(locale);
  const named = (values: readonly string[], name: (v: string) => string) =>
    values.map((value) => ({ value, label: name(value) }));
  const values =
    field === 'group'
      ? named(PRODUCT_GROUPS, (v) => GROUP_NAMES[v as keyof typeof GROUP_NAMES][locale])
      : field === 'level'
        ? named([...LEVELS].reverse(), (v) => LEVEL_NAMES[v as keyof typeof LEVEL_NAMES][locale])
        : field === 'region'
          ? named(REGIONS, (v) => REGION_NAMES[v as keyof typeof REGION_NAMES][locale])
          : field === 'availability'
            ? named(AVAILABILITIES, (v) => t(AVAILABILITY_KEYS[v as keyof typeof AVAILABILITY_KEYS]))
            : named(
                [...new Set([...Object.keys(counts), ...selected])].sort((a, b) => a.localeCompare(b, 'vi')),
                (v) => v,
              );
  return values
    .map(({ value, label }) => ({
      value,
      label,
      count: counts[value] ?? 0,
      checked: selected.includes(value),
    }))
    .filter((o) => o.count > 0 || o.checked);
}

/** How many filters (not the words or the order) the page applies. */
export function activeFilterCount(params: SearchParams): number {
  const lists = [params.group, params.level, params.region, params.province, params.availability];
  return (
    lists.reduce((n, list) => n + (list?.length ?? 0), 0) +
    (params.priceMin !== undefined ? 1 : 0) +
    (params.priceMax !== undefined ? 1 : 0) +
    (params.hasListing ? 1 : 0)
  );
}

/** Path and query of another page of the same search (page 1 has no page parameter). */
export function searchPagePath(url: URL, page: number): string {
  const next = new URL(url);
  if (page > 1) next.searchParams.set('page', String(page));
  else next.searchParams.delete('page');
  const query = next.searchParams.toString();
  return `/search/${query ? `?${query}` : ''}`;
}
