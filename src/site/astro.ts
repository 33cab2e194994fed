/**
 * The SiteIndex as the Astro pages see it: built once per process from getCatalogue(), with
 * statuses as of today in Vietnam (the build date for static pages). A long-running server
 * rebuilds it when the date changes, so on-demand pages never show yesterday's statuses.
 */

import { todayInVietnam } from '~/catalogue';
import { getCatalogue } from '~/catalogue/astro';
import type { LivePhoto } from '~/listings';
import { SiteIndex } from './site-index';
import type { UploadedPhotos } from './uploaded-photos';
import { readUploadedPhotos, uploadedPhotosFile } from './uploaded-photos-file';

let cached: { asOf: string; index: Promise<SiteIndex> } | undefined;

export function getSiteIndex(): Promise<SiteIndex> {
  const asOf = todayInVietnam();
  if (cached?.asOf !== asOf) cached = { asOf, index: getCatalogue().then((c) => new SiteIndex(c, asOf)) };
  return cached.index;
}

let uploads: Promise<UploadedPhotos> | undefined;

/**
 * A product's uploaded photos as this build fetched them (./uploaded-photos-file.ts), for
 * prerendered pages only: a running server shows what facilities upload through the live
 * layer, and the file in the cache folder may belong to a newer build than the one it serves.
 */
export async function builtUploadedPhotosOf(productId: string): Promise<readonly LivePhoto[]> {
  uploads ??= readUploadedPhotos(uploadedPhotosFile());
  return (await uploads).get(productId) ?? [];
}
