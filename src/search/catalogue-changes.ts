/**
 * Which products' search documents can differ between two views of the catalogue, and what
 * their documents are now. The live overlays (saved listings, revocations) make a new Catalogue
 * per change but keep every record they do not touch, so a record that is the same object is
 * unchanged; one that is not is compared by value (an overlay rebuilds the records it lays over
 * on every change, whether or not they changed). A new date touches every product: statuses,
 * and with them levels, move with it.
 */
import type { Catalogue } from '~/catalogue';
import { type SearchDocument, searchDocumentOf } from './documents';

export interface DocumentChanges {
  /** New or changed documents, whole (what buildSearchDocuments makes for these products). */
  upserts: SearchDocument[];
  /** Products that had a document and have none now. */
  removed: string[];
}

export interface ChangeOptions {
  /** Records compared, or documents built (about 0.15 ms each), between two pauses. */
  chunk?: number;
  /** Lets other work run (searches, requests) between chunks. */
  pause?: () => Promise<void>;
}

/**
 * Each record's JSON, made once per object: an overlay rebuilds every saved listing on every
 * change, so one side of a comparison is always the previous change's records, already seen.
 */
const json = new WeakMap<object, string>();
function jsonOf(value: object): string {
  let text = json.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    json.set(value, text);
  }
  return text;
}

function sameValue(a: object, b: object): boolean {
  return a === b || jsonOf(a) === jsonOf(b);
}

/** Calls `touch` with each record of either map that was added, removed or changed. */
async function compareRecords<T extends object>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  touch: (record: T) => void,
  { chunk = 500, pause = nextTurn }: ChangeOptions,
): Promise<void> {
  let compared = 0;
  for (const [id, record] of after) {
    if (++compared % chunk === 0) await pause();
    const old = before.get(id);
    if (old === undefined) touch(record);
    else if (!sameValue(old, record)) {
      touch(old);
      touch(record);
    }
  }
  for (const [id, record] of before) if (!after.has(id)) touch(record);
}

/**
 * The products whose documents may differ from `before` (as of `beforeAsOf`) to `after` (as of
 * `asOf`), compared a chunk at a time: with every listing of the default sample saved, one
 * side's JSON takes some 10–30 ms.
 */
export async function touchedProducts(
  before: Catalogue,
  beforeAsOf: string,
  after: Catalogue,
  asOf: string,
  options: ChangeOptions = {},
): Promise<Set<string>> {
  const ids = new Set<string>();
  if (before === after && beforeAsOf === asOf) return ids;
  if (beforeAsOf !== asOf) {
    for (const id of before.productById.keys()) ids.add(id);
    for (const id of after.productById.keys()) ids.add(id);
    return ids;
  }
  const { data: a } = before;
  const { data: b } = after;
  if (a.products !== b.products)
    await compareRecords(before.productById, after.productById, (p) => ids.add(p.id), options);
  if (a.facilities !== b.facilities)
    await compareRecords(
      before.facilityById,
      after.facilityById,
      (f) => {
        for (const p of before.productsOf(f.id)) ids.add(p.id);
        for (const p of after.productsOf(f.id)) ids.add(p.id);
      },
      options,
    );
  // A certificate's status depends on its product's other certificates only (superseded).
  if (a.certificates !== b.certificates)
    await compareRecords(before.certificateById, after.certificateById, (c) => ids.add(c.productId), options);
  if (a.listings !== b.listings)
    await compareRecords(
      before.listingByProduct,
      after.listingByProduct,
      (l) => ids.add(l.productId),
      options,
    );
  return ids;
}

export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The documents of `ids` in `catalogue` that differ from `current` (the documents the backend
 * holds), built a chunk at a time so a whole catalogue's worth (a new date) never holds the
 * server up: building every document of the default sample takes about 0.4 s.
 */
export async function documentChanges(
  current: ReadonlyMap<string, SearchDocument>,
  catalogue: Catalogue,
  asOf: string,
  ids: Iterable<string>,
  { chunk = 50, pause = nextTurn }: ChangeOptions = {},
): Promise<DocumentChanges> {
  const changes: DocumentChanges = { upserts: [], removed: [] };
  let built = 0;
  for (const id of ids) {
    if (built > 0 && built % chunk === 0) await pause();
    built++;
    const document = searchDocumentOf(catalogue, id, asOf);
    const old = current.get(id);
    if (document && !(old && sameValue(old, document))) changes.upserts.push(document);
    else if (!document && old) changes.removed.push(id);
  }
  return changes;
}
