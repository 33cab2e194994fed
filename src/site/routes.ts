/**
 * getStaticPaths entries of the catalogue routes, one per locale × page. Each walks a list the
 * SiteIndex already holds (no scans per page). Pure logic, so the route set is unit-tested.
 */

import { assertProductSlug, type BrowseFilter } from '~/catalogue';
import { LOCALES, type Locale, type LocaleParam, localeParam } from '~/i18n/locales';
import { browsePages, type SiteIndex } from './site-index';

export interface BrowseProps {
  locale: Locale;
  filter: BrowseFilter;
  page: number;
  pages: number;
}

type Entry<P, Q> = { params: P & { locale: LocaleParam }; props: Q & { locale: Locale } };

function perLocale<P, Q>(items: readonly { params: P; props: Q }[]): Entry<P, Q>[] {
  return LOCALES.flatMap((locale) =>
    items.map(({ params, props }) => ({
      params: { ...params, locale: localeParam(locale) },
      props: { ...props, locale },
    })),
  );
}

/** Which of the four browse route files: all products or one dimension, first page or a later one. */
export type BrowseRoute = 'all-first' | 'all-later' | 'dimension-first' | 'dimension-later';

function routeOf(filter: BrowseFilter, page: number): BrowseRoute {
  return `${filter ? 'dimension' : 'all'}-${page === 1 ? 'first' : 'later'}`;
}

export function browseRoutes(index: SiteIndex, route: BrowseRoute) {
  const items = browsePages(index)
    .filter(({ filter, page }) => routeOf(filter, page) === route)
    .map(({ filter, page, pages }) => ({
      params: {
        ...(filter ? { dimension: filter.dimension, value: filter.value } : {}),
        ...(page > 1 ? { n: String(page) } : {}),
      },
      props: { filter, page, pages },
    }));
  return perLocale(items);
}

export function productRoutes(index: SiteIndex) {
  for (const id of index.ordered) assertProductSlug(id);
  return perLocale(index.ordered.map((id) => ({ params: { slug: id }, props: { productId: id } })));
}

export function facilityRoutes(index: SiteIndex) {
  return perLocale(index.facilityOrder.map((id) => ({ params: { slug: id }, props: { facilityId: id } })));
}
