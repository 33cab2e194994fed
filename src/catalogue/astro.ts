/**
 * The catalogue as Astro sees it: built once per process from the content collections, so
 * pages and on-demand routes share one index. Photos here are astro:assets ImageMetadata.
 */
import { getCollection } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { Catalogue } from './catalogue';

// The content files, for server-side wiring that reads them at run time (live revocations,
// photo originals): Node's fs, so not in the browser-safe index.ts.
export { CONTENT_FILES, contentDir, readCollection } from './content-files';

export type Photo = ImageMetadata;

let cached: Promise<Catalogue> | undefined;

async function build(): Promise<Catalogue> {
  const [dataset, facilities, products, certificates, listings] = await Promise.all([
    getCollection('dataset'),
    getCollection('facilities'),
    getCollection('products'),
    getCollection('certificates'),
    getCollection('listings'),
  ]);
  // The Catalogue's types carry photo paths as strings; here they are ImageMetadata, which
  // callers read through photosOf* below.
  const data = <T>(entries: { data: T }[]) => entries.map((e) => e.data) as never;
  return new Catalogue({
    dataset: dataset[0]?.data ?? { id: 'dataset', sample: false },
    facilities: data(facilities),
    products: data(products),
    certificates: data(certificates),
    listings: data(listings),
  });
}

export function getCatalogue(): Promise<Catalogue> {
  cached ??= build();
  return cached;
}

/** Photos of a registry or listing record loaded through the content collections. */
export function photosOf(record: { photos: unknown[] }): Photo[] {
  return record.photos as Photo[];
}
