/**
 * Where the catalogue lives on disk, and how to read and write it outside Astro (CLIs, tests,
 * server-side live reads). Files are JSON arrays sorted by id, two-space indented, so git diffs
 * of an import are readable.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Catalogue, type CatalogueData } from './catalogue';
import { certificateSchema, datasetSchema, facilitySchema, listingSchema, productSchema } from './schemas';

/** Paths of the catalogue files relative to the content directory. */
export const CONTENT_FILES = {
  dataset: 'dataset.json',
  facilities: 'registry/facilities.json',
  products: 'registry/products.json',
  certificates: 'registry/certificates.json',
  listings: 'listings/listings.json',
} as const;

export type CollectionName = keyof typeof CONTENT_FILES;

const SCHEMAS = {
  dataset: datasetSchema,
  facilities: facilitySchema,
  products: productSchema,
  certificates: certificateSchema,
  listings: listingSchema,
} as const;

/** One validated record of a catalogue file. */
export type CollectionItem<K extends CollectionName> = z.infer<(typeof SCHEMAS)[K]>;

export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

export function hasCatalogue(dir = contentDir()): boolean {
  return Object.values(CONTENT_FILES).every((f) => existsSync(path.join(dir, f)));
}

/** Reads and validates one catalogue file. Throws naming the file and field on bad data. */
export async function readCollection<K extends CollectionName>(
  dir: string,
  name: K,
): Promise<CollectionItem<K>[]> {
  const file = path.join(dir, CONTENT_FILES[name]);
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const result = z.array(SCHEMAS[name]).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data as CollectionItem<K>[];
}

/** Reads and validates every catalogue file. Throws naming the file and field on bad data. */
export async function readCatalogueData(dir = contentDir()): Promise<CatalogueData> {
  const [dataset, facilities, products, certificates, listings] = await Promise.all([
    readCollection(dir, 'dataset'),
    readCollection(dir, 'facilities'),
    readCollection(dir, 'products'),
    readCollection(dir, 'certificates'),
    readCollection(dir, 'listings'),
  ]);
  return {
    dataset: dataset[0] ?? { id: 'dataset', sample: false },
    facilities,
    products,
    certificates,
    listings,
  };
}

export async function loadCatalogue(dir = contentDir()): Promise<Catalogue> {
  return new Catalogue(await readCatalogueData(dir));
}

/** Deterministic serialisation: sorted by id, stable key order as given by the objects. */
export function serialiseCollection(items: readonly { id: string }[]): string {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * Writes all given collections so that either every file is replaced or none is: each is
 * first written to a temporary file beside its target, then all are renamed into place.
 */
export async function writeCollections(
  dir: string,
  collections: Partial<Record<CollectionName, readonly { id: string }[]>>,
): Promise<void> {
  const staged: { tmp: string; target: string }[] = [];
  for (const [name, items] of Object.entries(collections) as [CollectionName, { id: string }[]][]) {
    const target = path.join(dir, CONTENT_FILES[name]);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, serialiseCollection(items));
    staged.push({ tmp, target });
  }
  for (const { tmp, target } of staged) await rename(tmp, target);
}
