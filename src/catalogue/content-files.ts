/**
 * Where the catalogue lives on disk, and how to read and write it outside Astro (CLIs, tests,
 * server-side live reads). Files are JSON arrays sorted by id, two-space indented, so git diffs
 * of an import are readable.
 */

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Catalogue, type CatalogueData } from './catalogue';
import { withContentLock } from './content-lock';
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

/** Which version of each catalogue file is on disk: changes when one is replaced. */
async function fileVersions(dir: string): Promise<string> {
  const versions = await Promise.all(
    Object.values(CONTENT_FILES).map((f) =>
      stat(path.join(dir, f)).then(
        (s) => `${s.ino}:${s.mtimeMs}:${s.size}`,
        () => '-',
      ),
    ),
  );
  return versions.join(',');
}

/**
 * Reads and validates every catalogue file. Throws naming the file and field on bad data.
 * Files are read as one set: a change committed by a crashed writer is completed first, and
 * when a writer replaced a file while they were being read (a journal exists, or a file is no
 * longer the one it was) they are read again.
 */
export async function readCatalogueData(dir = contentDir()): Promise<CatalogueData> {
  for (let attempt = 1; ; attempt++) {
    await completeInterruptedWrites(dir);
    const before = await fileVersions(dir);
    const data = await readCatalogueFiles(dir);
    const settled = (await journalFiles(dir)).length === 0 && (await fileVersions(dir)) === before;
    // Five tries: only a writer rewriting the files without pause could exhaust them.
    if (settled || attempt === 5) return data;
  }
}

async function readCatalogueFiles(dir: string): Promise<CatalogueData> {
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
 * Several files are replaced as one change (an import rewrites facilities, products and
 * certificates): the new files are first written and flushed under temporary names, then a
 * journal listing the renames is written (atomically: temp + rename). The journal is the commit
 * point. Renames follow, then the journal is deleted. A crash before the journal leaves the old
 * set (and temporary files the next write removes); a crash after it leaves a journal that the
 * next reader or writer completes (renames are redone, a missing temporary file meaning done),
 * so the files are only ever read as the whole old or the whole new set. The catalogue files
 * keep their paths, so the build, git and the live-revocation reader see nothing else.
 */
const JOURNAL_PREFIX = '.catalogue-commit-';
/** Temporary names: `<target>.<transaction>.tmp` (older versions used `<target>.<pid>.tmp`). */
const TEMP_PATTERN = /\.json\.([0-9a-f-]+)\.tmp$/;

interface Journal {
  /** Paths relative to the content dir. */
  renames: { from: string; to: string }[];
}

async function writeFlushed(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function applyJournal(dir: string, journalFile: string): Promise<void> {
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // completed by another process
    throw error;
  }
  for (const { from, to } of journal.renames) {
    try {
      await rename(path.join(dir, from), path.join(dir, to));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await rm(journalFile, { force: true });
}

async function journalFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.startsWith(JOURNAL_PREFIX) && f.endsWith('.json'))
      .map((f) => path.join(dir, f));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Finishes a change that a crashed writer had committed (see above); cheap when there is none. */
export async function completeInterruptedWrites(dir = contentDir()): Promise<void> {
  for (const journal of await journalFiles(dir)) await applyJournal(dir, journal);
}

/** Temporary files of writes that crashed before committing. Call holding the lock. */
async function removeAbandonedTemporaries(dir: string): Promise<void> {
  const folders = new Set(Object.values(CONTENT_FILES).map((f) => path.join(dir, path.dirname(f))));
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (TEMP_PATTERN.test(name) || (name.startsWith(JOURNAL_PREFIX) && name.endsWith('.tmp'))) {
        await rm(path.join(folder, name), { force: true });
      }
    }
  }
}

/**
 * Writes all given collections so that either every file is replaced or none is (see the
 * journal above). Holds the catalogue's write lock (./content-lock.ts); callers that read,
 * change and write back hold it around the whole (withContentLock), which this joins.
 */
export async function writeCollections(
  dir: string,
  collections: Partial<Record<CollectionName, readonly { id: string }[]>>,
): Promise<void> {
  await withContentLock(dir, async () => {
    await completeInterruptedWrites(dir);
    await removeAbandonedTemporaries(dir);
    const transaction = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const renames: Journal['renames'] = [];
    for (const [name, items] of Object.entries(collections) as [CollectionName, { id: string }[]][]) {
      const target = path.join(dir, CONTENT_FILES[name]);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${transaction}.tmp`;
      await writeFlushed(tmp, serialiseCollection(items));
      renames.push({ from: path.relative(dir, tmp), to: CONTENT_FILES[name] });
    }
    const journal = path.join(dir, `${JOURNAL_PREFIX}${transaction}.json`);
    await writeFlushed(`${journal}.tmp`, JSON.stringify({ renames } satisfies Journal));
    await rename(`${journal}.tmp`, journal);
    await applyJournal(dir, journal);
  });
}
