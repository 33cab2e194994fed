/**
 * What a change does to the registry, record by record and field by field: the review an
 * operator reads before applying an import or a restore. Records are matched by id (ids are
 * stable: the import keeps existing ids). Pure: no framework, no files.
 */
import type { Certificate, Facility, Product } from '~/catalogue';

/** The three registry collections (the same shape as the import engine's Registry). */
export interface RegistryRecords {
  facilities: readonly Facility[];
  products: readonly Product[];
  certificates: readonly Certificate[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange<T> {
  id: string;
  /** What people read: the facility's or product's name, the certificate's number and product. */
  label: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: RecordChange<T>[];
  unchanged: number;
}

export interface RegistryDiff {
  facilities: CollectionDiff<Facility>;
  products: CollectionDiff<Product>;
  certificates: CollectionDiff<Certificate>;
  /** Names of the products the added and removed certificates belong to, to label them. */
  productNames: Record<string, string>;
}

export const REGISTRY_COLLECTIONS = ['facilities', 'products', 'certificates'] as const;
export type RegistryCollection = (typeof REGISTRY_COLLECTIONS)[number];

/** Values compared as their JSON (records are plain JSON data; key order is the schema's). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ, in the record's field order (fields new in `after` last). */
export function fieldChanges(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!same(b[field], a[field])) changes.push({ field, before: b[field], after: a[field] });
  }
  return changes;
}

const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function diffCollection<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  label: (record: T) => string,
): CollectionDiff<T> {
  const old = new Map(before.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const added: T[] = [];
  const changed: RecordChange<T>[] = [];
  let unchanged = 0;
  for (const record of after) {
    seen.add(record.id);
    const was = old.get(record.id);
    if (!was) {
      added.push(record);
      continue;
    }
    const fields = fieldChanges(was, record);
    if (fields.length === 0) unchanged += 1;
    else changed.push({ id: record.id, label: label(record), before: was, after: record, fields });
  }
  const removed = before.filter((r) => !seen.has(r.id));
  return {
    added: added.sort(byId),
    removed: [...removed].sort(byId),
    changed: changed.sort(byId),
    unchanged,
  };
}

/** Every record added, removed or changed (field by field) from `before` to `after`. */
export function diffRegistry(before: RegistryRecords, after: RegistryRecords): RegistryDiff {
  const productName = new Map<string, string>();
  for (const p of [...before.products, ...after.products]) productName.set(p.id, p.name);
  const certificates = diffCollection(before.certificates, after.certificates, (c) =>
    certificateLabel(c, productName.get(c.productId)),
  );
  const productNames: Record<string, string> = {};
  for (const c of [...certificates.added, ...certificates.removed]) {
    const name = productName.get(c.productId);
    if (name !== undefined) productNames[c.productId] = name;
  }
  return {
    facilities: diffCollection(before.facilities, after.facilities, (f) => f.name),
    products: diffCollection(before.products, after.products, (p) => p.name),
    certificates,
    productNames,
  };
}

/** "3116/QĐ-BCT-12 · Nước mắm …": the printed number (else the id) and the product's name. */
export function certificateLabel(c: Certificate, productName?: string): string {
  const name = c.number ?? c.id;
  return productName ? `${name} · ${productName}` : name;
}

/** The label of an added or removed record (changed ones carry theirs). */
export function recordLabel(
  diff: RegistryDiff,
  collection: RegistryCollection,
  record: Facility | Product | Certificate,
): string {
  if (collection !== 'certificates') return (record as Facility | Product).name;
  const c = record as Certificate;
  return certificateLabel(c, diff.productNames[c.productId]);
}

export function isEmptyDiff(d: RegistryDiff): boolean {
  return REGISTRY_COLLECTIONS.every(
    (c) => d[c].added.length === 0 && d[c].removed.length === 0 && d[c].changed.length === 0,
  );
}

export interface DiffCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export function diffCounts(d: RegistryDiff): Record<RegistryCollection, DiffCounts> {
  const of = (c: CollectionDiff<unknown>): DiffCounts => ({
    added: c.added.length,
    changed: c.changed.length,
    removed: c.removed.length,
    unchanged: c.unchanged,
  });
  return { facilities: of(d.facilities), products: of(d.products), certificates: of(d.certificates) };
}

/** A diff small enough for an audit entry: the counts, and the first `cap` changes of each kind. */
export interface DiffSummary {
  counts: Record<RegistryCollection, DiffCounts>;
  added: { collection: RegistryCollection; id: string }[];
  removed: { collection: RegistryCollection; id: string }[];
  changed: { collection: RegistryCollection; id: string; field: string; before: unknown; after: unknown }[];
  /** True when some changes were left out (the counts are always whole). */
  truncated: boolean;
}

export function summariseDiff(d: RegistryDiff, cap = 500): DiffSummary {
  const summary: DiffSummary = {
    counts: diffCounts(d),
    added: [],
    removed: [],
    changed: [],
    truncated: false,
  };
  for (const collection of REGISTRY_COLLECTIONS) {
    const c = d[collection] as CollectionDiff<{ id: string }>;
    for (const r of c.added) {
      if (summary.added.length < cap) summary.added.push({ collection, id: r.id });
      else summary.truncated = true;
    }
    for (const r of c.removed) {
      if (summary.removed.length < cap) summary.removed.push({ collection, id: r.id });
      else summary.truncated = true;
    }
    for (const r of c.changed) {
      for (const f of r.fields) {
        // Absent values as null: JSON (the audit log's jsonb) drops undefined.
        if (summary.changed.length < cap)
          summary.changed.push({
            collection,
            id: r.id,
            field: f.field,
            before: f.before ?? null,
            after: f.after ?? null,
          });
        else summary.truncated = true;
      }
    }
  }
  return summary;
}

/** "12 added, 3 changed, 1 removed" over the three collections (English, for history summaries). */
export function describeDiff(d: RegistryDiff): string {
  const counts = diffCounts(d);
  const total = (k: keyof DiffCounts) => REGISTRY_COLLECTIONS.reduce((n, c) => n + counts[c][k], 0);
  const parts = [`${total('added')} added`, `${total('changed')} changed`];
  if (total('removed') > 0) parts.push(`${total('removed')} removed`);
  return parts.join(', ');
}
