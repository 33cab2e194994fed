/**
 * The catalogue as Astro sees it: built once per process from the content collections, so
 * pages and on-demand routes share one index. Photos here are astro:assets ImageMetadata.
 * astro:content is imported only when the catalogue is first built, so the server-side exports
 * below also load in commands and tests (tsx, vitest), where no Astro runs.
 */
import type { ImageMetadata } from 'astro';
import { Catalogue } from './catalogue';
import { illustrationFlag } from './illustration-files';
import type { FlaggedPhoto } from './illustration-mark';

// The content files, for server-side wiring that reads them at run time (live revocations,
// photo originals) and the registry's operations (import, revocations, history): Node's fs,
// so not in the browser-safe index.ts.
export {
  CONTENT_FILES,
  type CollectionName,
  completeInterruptedWrites,
  contentDir,
  readCatalogueData,
  readCollection,
  serialiseCollection,
  writeCollections,
} from './content-files';
export { ContentLockTimeoutError, withContentLock } from './content-lock';
export { currentCatalogue } from './current-catalogue';
export { illustrationFlag, isIllustrationFile } from './illustration-files';
export * from './import/index';

export type Photo = ImageMetadata;

let cached: Promise<Catalogue> | undefined;

async function build(): Promise<Catalogue> {
  const { getCollection } = await import('astro:content');
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

/**
 * Whether a photo of the catalogue is a drawing (./illustration-mark.ts), read from the original
 * Astro imported it from (`fsPath`, set on every imported image). Without that path it counts as
 * a drawing: wrongly labelled is better than a drawing passed off as the product.
 */
export function isIllustration(photo: Photo): Promise<boolean> {
  const file = (photo as Photo & { fsPath?: string }).fsPath;
  return file ? illustrationFlag(file) : Promise.resolve(true);
}

/** Each photo with whether it is a drawing, in the same order. */
export function flagIllustrations(photos: readonly Photo[]): Promise<FlaggedPhoto<Photo>[]> {
  return Promise.all(photos.map(async (photo) => ({ photo, illustration: await isIllustration(photo) })));
}
