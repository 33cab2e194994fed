/**
 * The SiteIndex as the Astro pages see it: built once per process from getCatalogue(), with
 * statuses as of today in Vietnam (the build date for static pages). A long-running server
 * rebuilds it when the date changes, so on-demand pages never show yesterday's statuses.
 */

import { todayInVietnam } from '~/catalogue';
import { getCatalogue } from '~/catalogue/astro';
import { SiteIndex } from './site-index';

let cached: { asOf: string; index: Promise<SiteIndex> } | undefined;

export function getSiteIndex(): Promise<SiteIndex> {
  const asOf = todayInVietnam();
  if (cached?.asOf !== asOf) cached = { asOf, index: getCatalogue().then((c) => new SiteIndex(c, asOf)) };
  return cached.index;
}
