/**
 * Merges parsed registry rows into the existing registry. Existing ids are kept; new ids are
 * derived deterministically; fields a row does not give keep their existing value; revocations,
 * descriptions and photos (not part of the import format) are never touched. Merging the same
 * rows twice gives the same result, so importing a file twice changes nothing.
 */

import type { z } from 'zod';
import { defaultValidUntil } from '~/catalogue/certificate-status';
import { groupBy } from '~/catalogue/group-by';
import {
  type Certificate,
  certificateSchema,
  type Facility,
  facilitySchema,
  type Product,
  productSchema,
} from '~/catalogue/schemas';
import { slugify } from '~/text/vietnamese';
import { COLUMNS, type ColumnKey } from './columns';
import {
  coreName,
  defaultIssuer,
  derivedCertificateKey,
  facilityKey,
  IdAllocator,
  inferFacilityType,
  joinSlug,
  LEVEL_ID_PREFIX,
  looksLikeSet,
  numberKey,
  productKey,
  shortHash,
} from './identity';
import type { Problem, RegistryRow } from './rows';
import { schemaIssueVi } from './schema-messages';

export interface Registry {
  facilities: Facility[];
  products: Product[];
  certificates: Certificate[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface MergeSummary {
  rows: number;
  facilities: MergeCounts;
  products: MergeCounts;
  certificates: MergeCounts;
}

/**
 * A facility the file named in more than one way (or not as the registry names it) that the
 * identity rule made one: "HTX chè Hảo Đạt" and "Hợp tác xã chè Hảo Đạt" in one province.
 */
export interface MergedFacility {
  id: string;
  /** The name it has after the import (the newest row's). */
  name: string;
  province: string;
  /** Every name seen: the registry's (inRegistry, maybe also on rows) and the file's, with their rows. */
  names: { name: string; rows: number[]; inRegistry: boolean }[];
}

export interface MergeResult {
  registry: Registry;
  summary: MergeSummary;
  problems: Problem[];
  merged: MergedFacility[];
}

/** The newest row wins for names and contact data: by year, then issue date, then file order. */
function newer(a: RegistryRow, b: RegistryRow): boolean {
  if (a.year !== b.year) return a.year > b.year;
  const da = a.issuedOn ?? '';
  const db = b.issuedOn ?? '';
  if (da !== db) return da > db;
  return a.row > b.row;
}

function newest(rows: readonly RegistryRow[]): RegistryRow {
  return rows.reduce((best, r) => (newer(r, best) ? r : best));
}

/** The newest row that gives a value for `field`. */
function newestWith<K extends keyof RegistryRow>(
  rows: readonly RegistryRow[],
  field: K,
): RegistryRow[K] | undefined {
  const withValue = rows.filter((r) => r[field] !== undefined);
  return withValue.length > 0 ? newest(withValue)[field] : undefined;
}

const counts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0 });

function tally(c: MergeCounts, before: unknown, after: unknown): void {
  if (before === undefined) c.added += 1;
  else if (JSON.stringify(before) === JSON.stringify(after)) c.unchanged += 1;
  else c.updated += 1;
}

/** Drops undefined properties so records serialise the same way whichever path built them. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** What exists, indexed by the identity rules; the first record wins where two share a key. */
interface Known {
  facilityByKey: Map<string, Facility>;
  productByKey: Map<string, Product>;
  certificateByNumber: Map<string, Certificate>;
  /** By product, level, year and region: certificates listed without a number are found this way. */
  certificatesByDerived: Map<string, Certificate[]>;
}

/** Which row already claimed each certificate: a second row for one certificate is a problem. */
interface Claims {
  byNumber: Map<string, number>;
  byDerived: Map<string, number>;
  byExisting: Map<string, number>;
}

/** Everything the steps of one merge share. */
interface MergeState {
  known: Known;
  claims: Claims;
  ids: { facilities: IdAllocator; products: IdAllocator; certificates: IdAllocator };
  /** The registry being built: the existing records in their order, merged ones replacing or following them. */
  out: {
    facilities: Map<string, Facility>;
    products: Map<string, Product>;
    certificates: Map<string, Certificate>;
  };
  /** The row each merged record comes from, to place the problems found when validating it. */
  originOf: Map<object, number>;
  summary: MergeSummary;
  problems: Problem[];
  merged: MergedFacility[];
  /** How the file names a column, for problems. */
  label: (key: ColumnKey) => string;
}

export function mergeRegistry(
  existing: Registry,
  rows: readonly RegistryRow[],
  labels: Partial<Record<ColumnKey, string>> = {},
): MergeResult {
  const state = startMerge(existing, rows.length, labels);
  const byFacility = groupBy(rows, (r) => facilityKey(r.facilityName, r.province.current.name));
  for (const [fKey, fRows] of byFacility) {
    const facility = mergeFacility(state, fKey, fRows);
    const byProduct = groupBy(fRows, (r) => productKey(fKey, r.productName));
    for (const [pKey, pRows] of byProduct) {
      const product = mergeProduct(state, pKey, pRows, facility);
      for (const row of pRows) mergeCertificate(state, row, pKey, product, facility);
    }
  }
  const registry = validated(state);
  checkReferences(state, registry);
  state.problems.sort((a, b) => a.row - b.row);
  return { registry, summary: state.summary, problems: state.problems, merged: state.merged };
}

function startMerge(
  existing: Registry,
  rowCount: number,
  labels: Partial<Record<ColumnKey, string>>,
): MergeState {
  return {
    known: indexExisting(existing),
    claims: { byNumber: new Map(), byDerived: new Map(), byExisting: new Map() },
    ids: {
      facilities: new IdAllocator(existing.facilities.map((f) => f.id)),
      products: new IdAllocator(existing.products.map((p) => p.id)),
      certificates: new IdAllocator(existing.certificates.map((c) => c.id)),
    },
    out: {
      facilities: new Map(existing.facilities.map((f) => [f.id, f])),
      products: new Map(existing.products.map((p) => [p.id, p])),
      certificates: new Map(existing.certificates.map((c) => [c.id, c])),
    },
    originOf: new Map(),
    summary: { rows: rowCount, facilities: counts(), products: counts(), certificates: counts() },
    problems: [],
    merged: [],
    label: (key) => labels[key] ?? COLUMNS.find((c) => c.key === key)!.vi,
  };
}

/** Indexes the existing records by the same keys the rows are grouped by. */
function indexExisting(existing: Registry): Known {
  const facilityByKey = new Map<string, Facility>();
  const facilityKeyById = new Map<string, string>();
  for (const f of existing.facilities) {
    const k = facilityKey(f.name, f.province);
    facilityKeyById.set(f.id, k);
    if (!facilityByKey.has(k)) facilityByKey.set(k, f);
  }
  const productByKey = new Map<string, Product>();
  const productKeyById = new Map<string, string>();
  for (const p of existing.products) {
    const fk = facilityKeyById.get(p.facilityId);
    if (fk === undefined) continue;
    const k = productKey(fk, p.name);
    productKeyById.set(p.id, k);
    if (!productByKey.has(k)) productByKey.set(k, p);
  }
  const certificateByNumber = new Map<string, Certificate>();
  const certificatesByDerived = new Map<string, Certificate[]>();
  for (const c of existing.certificates) {
    if (c.number !== undefined && !certificateByNumber.has(numberKey(c.number)))
      certificateByNumber.set(numberKey(c.number), c);
    const pk = productKeyById.get(c.productId);
    if (pk === undefined) continue;
    const dk = derivedCertificateKey(pk, c.level, c.year, c.region);
    const list = certificatesByDerived.get(dk);
    if (list) list.push(c);
    else certificatesByDerived.set(dk, [c]);
  }
  return { facilityByKey, productByKey, certificateByNumber, certificatesByDerived };
}

/** One facility from all its rows: names, province and contacts from the newest row that gives them. */
function mergeFacility(state: MergeState, fKey: string, fRows: readonly RegistryRow[]): Facility {
  const latest = newest(fRows);
  const before = state.known.facilityByKey.get(fKey);
  const core = coreName(latest.facilityName);
  const provinceSlug = slugify(latest.province.current.name);
  const inferredType = inferFacilityType(latest.facilityName);
  const facility: Facility = compact({
    id: before?.id ?? state.ids.facilities.allocate([joinSlug([slugify(core, 80), provinceSlug])]),
    name: latest.facilityName,
    // A name that does not show the legal form keeps the type the registry had.
    type: inferredType === 'other' && before ? before.type : inferredType,
    address: newestWith(fRows, 'address') ?? before?.address,
    province: latest.province.current.name,
    provinceAsListed: latest.province.canonicalAsListed,
    phone: newestWith(fRows, 'phone') ?? before?.phone,
    email: newestWith(fRows, 'email') ?? before?.email,
    website: before?.website,
    description: before?.description,
    photos: before?.photos ?? [],
  });
  tally(state.summary.facilities, before, facility);
  state.out.facilities.set(facility.id, facility);
  state.originOf.set(facility, latest.row);
  noteNames(state, facility, fRows, before);
  return facility;
}

/** Records the facility as merged when its rows and the registry name it in more than one way. */
function noteNames(
  state: MergeState,
  facility: Facility,
  fRows: readonly RegistryRow[],
  before: Facility | undefined,
): void {
  const names = new Map<string, { name: string; rows: number[]; inRegistry: boolean }>();
  if (before) names.set(before.name, { name: before.name, rows: [], inRegistry: true });
  for (const row of fRows) {
    const seen = names.get(row.facilityName);
    if (seen) seen.rows.push(row.row);
    else names.set(row.facilityName, { name: row.facilityName, rows: [row.row], inRegistry: false });
  }
  if (names.size > 1)
    state.merged.push({
      id: facility.id,
      name: facility.name,
      province: facility.province,
      names: [...names.values()],
    });
}

/** One product of the facility from all its rows; its name and group from the newest. */
function mergeProduct(
  state: MergeState,
  pKey: string,
  pRows: readonly RegistryRow[],
  facility: Facility,
): Product {
  const latest = newest(pRows);
  const before = state.known.productByKey.get(pKey);
  const core = coreName(facility.name);
  const product: Product = compact({
    // The first free id of: the name alone, with the facility's core name, with the facility's id.
    id:
      before?.id ??
      state.ids.products.allocate([
        slugify(latest.productName, 80),
        joinSlug([slugify(latest.productName, 60), slugify(core, 48)]),
        joinSlug([slugify(latest.productName, 60), facility.id]),
      ]),
    name: latest.productName,
    group: latest.group,
    facilityId: facility.id,
    isSet: looksLikeSet(latest.productName) || (before?.isSet ?? false),
    description: before?.description,
    photos: before?.photos ?? [],
  });
  tally(state.summary.products, before, product);
  state.out.products.set(product.id, product);
  state.originOf.set(product, latest.row);
  return product;
}

/** One certificate per row, unless another row or another certificate already claimed it. */
function mergeCertificate(
  state: MergeState,
  row: RegistryRow,
  pKey: string,
  product: Product,
  facility: Facility,
): void {
  const dk = derivedCertificateKey(pKey, row.level, row.year, row.region);
  const duplicate = claimRow(state, row, dk);
  if (duplicate) {
    state.problems.push(duplicate);
    return;
  }
  const before = existingCertificate(state.known, row, dk);
  if (before) {
    const other = state.claims.byExisting.get(before.id);
    if (other !== undefined) {
      state.problems.push({
        row: row.row,
        column: state.label('number'),
        message: `the same certificate as row ${other}`,
        messageVi: `cùng một chứng nhận với dòng ${other}`,
      });
      return;
    }
    state.claims.byExisting.set(before.id, row.row);
  }

  const asListed = row.province.canonicalAsListed;
  // A list of the same round corrects the certificate: dates it does not give stay as they were.
  const sameRound = before !== undefined && before.year === row.year;
  const certificate: Certificate = compact({
    id: before?.id ?? newCertificateId(state.ids.certificates, row, dk),
    productId: product.id,
    facilityId: facility.id,
    number: row.number ?? before?.number,
    decision: row.decision ?? before?.decision,
    level: row.level,
    region: row.level === 'regional' ? row.region : undefined,
    year: row.year,
    issuedBy: issuerOf(row, before, facility),
    issuedOn: row.issuedOn ?? (sameRound ? before?.issuedOn : undefined),
    validUntil: row.validUntil ?? (sameRound ? before!.validUntil : defaultValidUntil(row.year)),
    score: row.score ?? before?.score,
    provinceAsListed: asListed,
    revocation: before?.revocation,
  });
  tally(state.summary.certificates, before, certificate);
  state.out.certificates.set(certificate.id, certificate);
  state.originOf.set(certificate, row.row);
}

/**
 * Claims the certificate a row gives, by its number, or without one by product, level and year;
 * returns the problem when an earlier row has it.
 */
function claimRow(state: MergeState, row: RegistryRow, dk: string): Problem | undefined {
  const { claims, label } = state;
  if (row.number !== undefined) {
    const nk = numberKey(row.number);
    const other = claims.byNumber.get(nk);
    if (other !== undefined) {
      return {
        row: row.row,
        column: label('number'),
        message: `certificate number "${row.number}" is also on row ${other}`,
        messageVi: `số chứng nhận “${row.number}” đã có ở dòng ${other}`,
      };
    }
    claims.byNumber.set(nk, row.row);
  } else if (claims.byDerived.has(dk)) {
    const other = claims.byDerived.get(dk);
    return {
      row: row.row,
      column: label('productName'),
      message: `same product, level and year as row ${other} (give each certificate its number to tell them apart)`,
      messageVi: `trùng sản phẩm, cấp và năm với dòng ${other} (hãy ghi số chứng nhận để phân biệt)`,
    };
  }
  claims.byDerived.set(dk, row.row);
  return undefined;
}

/**
 * The existing certificate a row updates: by number (or, for one listed before without a
 * number, by product, level and year); a row without a number takes the first of that round.
 */
function existingCertificate(known: Known, row: RegistryRow, dk: string): Certificate | undefined {
  return row.number !== undefined
    ? (known.certificateByNumber.get(numberKey(row.number)) ??
        known.certificatesByDerived.get(dk)?.find((c) => c.number === undefined))
    : known.certificatesByDerived.get(dk)?.[0];
}

/** The row's issuer, else the one the certificate had (same level and province), else the default for the level. */
function issuerOf(row: RegistryRow, before: Certificate | undefined, facility: Facility): string {
  const asListed = row.province.canonicalAsListed;
  return (
    row.issuedBy ??
    (before && before.level === row.level && before.provinceAsListed === asListed
      ? before.issuedBy
      : defaultIssuer(row.level, asListed, row.address ?? facility.address))
  );
}

/** From the certificate's number where it has one that makes a slug, else from its derived key. */
function newCertificateId(ids: IdAllocator, row: RegistryRow, dk: string): string {
  const prefix = LEVEL_ID_PREFIX[row.level];
  return row.number !== undefined && slugify(row.number, 60) !== ''
    ? ids.allocate([slugify(row.number, 60), joinSlug([prefix, String(row.year), slugify(row.number, 60)])])
    : ids.allocate([`${prefix}-${row.year}-${shortHash(dk)}`]);
}

/** The merged records that pass the schemas the site loads them with; the rest become problems. */
function validated(state: MergeState): Registry {
  const validate = <T extends object>(schema: z.ZodTypeAny, items: Iterable<T>): T[] => {
    const out: T[] = [];
    for (const item of items) {
      const result = schema.safeParse(item);
      if (result.success) {
        out.push(result.data as T);
        continue;
      }
      for (const issue of result.error.issues) {
        state.problems.push({
          row: state.originOf.get(item) ?? 1,
          column: issue.path.join('.') || '-',
          message: issue.message,
          messageVi: schemaIssueVi(issue),
        });
      }
    }
    return out;
  };
  return {
    facilities: validate<Facility>(facilitySchema, state.out.facilities.values()),
    products: validate<Product>(productSchema, state.out.products.values()),
    certificates: validate<Certificate>(certificateSchema, state.out.certificates.values()),
  };
}

/** Products whose facility and certificates whose product did not make it into the registry. */
function checkReferences(state: MergeState, registry: Registry): void {
  const productIdsOut = new Set(registry.products.map((p) => p.id));
  const facilityIdsOut = new Set(registry.facilities.map((f) => f.id));
  for (const p of registry.products) {
    if (!facilityIdsOut.has(p.facilityId))
      state.problems.push({
        row: state.originOf.get(p) ?? 1,
        column: '-',
        message: `product ${p.id} refers to unknown facility ${p.facilityId}`,
        messageVi: `sản phẩm ${p.id} thuộc cơ sở ${p.facilityId}, cơ sở này không có trong danh mục`,
      });
  }
  for (const c of registry.certificates) {
    if (!productIdsOut.has(c.productId))
      state.problems.push({
        row: state.originOf.get(c) ?? 1,
        column: '-',
        message: `certificate ${c.id} refers to unknown product ${c.productId}`,
        messageVi: `chứng nhận ${c.id} thuộc sản phẩm ${c.productId}, sản phẩm này không có trong danh mục`,
      });
  }
}
