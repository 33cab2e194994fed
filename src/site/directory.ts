/**
 * The facility directory's query string (?province=&group=&level=&type=&page=): parsed
 * leniently, because it comes from a plain GET form and shared links. An unknown value is
 * reported and ignored rather than failing the page. Pure logic.
 */
import { CURRENT_PROVINCES, FACILITY_TYPES, LEVELS, PRODUCT_GROUPS } from '~/catalogue';
import type { FacilityFilter } from './site-index';

export const DIRECTORY_PAGE_SIZE = 20;
const FILTER_NAMES = ['province', 'group', 'level', 'type'] as const;
export type DirectoryFilterName = (typeof FILTER_NAMES)[number];

const ALLOWED: Record<DirectoryFilterName, ReadonlySet<string>> = {
  province: new Set(CURRENT_PROVINCES.map((p) => p.slug)),
  group: new Set(PRODUCT_GROUPS),
  level: new Set(LEVELS),
  type: new Set(FACILITY_TYPES),
};

export interface DirectoryQuery {
  filter: FacilityFilter;
  page: number;
  /** Parameters whose value was not recognised (ignored). */
  invalid: DirectoryFilterName[];
}

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const filter: Record<string, string> = {};
  const invalid: DirectoryFilterName[] = [];
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (ALLOWED[name].has(value)) filter[name] = value;
    else invalid.push(name);
  }
  const rawPage = Number(params.get('page') ?? '1');
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  return { filter: filter as FacilityFilter, page, invalid };
}

/** The query string of a directory page with these filters (page 1 omitted). */
export function directoryQueryString(filter: FacilityFilter, page = 1): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
