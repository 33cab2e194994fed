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

export interface MergeResult {
  registry: Registry;
  summary: MergeSummary;
  problems: Problem[];
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

export function mergeRegistry(
  existing: Registry,
  rows: readonly RegistryRow[],
  labels: Partial<Record<ColumnKey, string>> = {},
): MergeResult {
  const problems: Problem[] = [];
  const label = (key: ColumnKey) => labels[key] ?? COLUMNS.find((c) => c.key === key)!.vi;
  const seenDerived = new Map<string, number>();
  const seenNumber = new Map<string, number>();
  const seenExisting = new Map<string, number>();
  const summary: MergeSummary = {
    rows: rows.length,
    facilities: counts(),
    products: counts(),
    certificates: counts(),
  };

  // Index what exists by identity.
  const facilityById = new Map(existing.facilities.map((f) => [f.id, f]));
  const productById = new Map(existing.products.map((p) => [p.id, p]));
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
  const certByNumber = new Map<string, Certificate>();
  const certsByDerived = new Map<string, Certificate[]>();
  for (const c of existing.certificates) {
    if (c.number !== undefined && !certByNumber.has(numberKey(c.number)))
      certByNumber.set(numberKey(c.number), c);
    const pk = productKeyById.get(c.productId);
    if (pk === undefined) continue;
    const dk = derivedCertificateKey(pk, c.level, c.year, c.region);
    const list = certsByDerived.get(dk);
    if (list) list.push(c);
    else certsByDerived.set(dk, [c]);
  }

  const facilityIds = new IdAllocator(facilityById.keys());
  const productIds = new IdAllocator(productById.keys());
  const certificateIds = new IdAllocator(existing.certificates.map((c) => c.id));

  const outFacilities = new Map(existing.facilities.map((f) => [f.id, f]));
  const outProducts = new Map(existing.products.map((p) => [p.id, p]));
  const outCertificates = new Map(existing.certificates.map((c) => [c.id, c]));
  const originOf = new Map<object, number>();

  const byFacility = groupBy(rows, (r) => facilityKey(r.facilityName, r.province.current.name));
  for (const [fKey, fRows] of byFacility) {
    const latest = newest(fRows);
    const before = facilityByKey.get(fKey);
    const core = coreName(latest.facilityName);
    const provinceSlug = slugify(latest.province.current.name);
    const inferredType = inferFacilityType(latest.facilityName);
    const facility: Facility = compact({
      id: before?.id ?? facilityIds.allocate([joinSlug([slugify(core, 80), provinceSlug])]),
      name: latest.facilityName,
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
    tally(summary.facilities, before, facility);
    outFacilities.set(facility.id, facility);
    originOf.set(facility, latest.row);

    const byProduct = groupBy(fRows, (r) => productKey(fKey, r.productName));
    for (const [pKey, pRows] of byProduct) {
      const pLatest = newest(pRows);
      const pBefore = productByKey.get(pKey);
      const nameSlug = slugify(pLatest.productName, 80);
      const product: Product = compact({
        id:
          pBefore?.id ??
          productIds.allocate([
            nameSlug,
            joinSlug([slugify(pLatest.productName, 60), slugify(core, 48)]),
            joinSlug([slugify(pLatest.productName, 60), facility.id]),
          ]),
        name: pLatest.productName,
        group: pLatest.group,
        facilityId: facility.id,
        isSet: looksLikeSet(pLatest.productName) || (pBefore?.isSet ?? false),
        description: pBefore?.description,
        photos: pBefore?.photos ?? [],
      });
      tally(summary.products, pBefore, product);
      outProducts.set(product.id, product);
      originOf.set(product, pLatest.row);

      // Certificates, one per row.
      for (const row of pRows) {
        const dk = derivedCertificateKey(pKey, row.level, row.year, row.region);
        if (row.number !== undefined) {
          const nk = numberKey(row.number);
          const other = seenNumber.get(nk);
          if (other !== undefined) {
            problems.push({
              row: row.row,
              column: label('number'),
              message: `certificate number "${row.number}" is also on row ${other}`,
            });
            continue;
          }
          seenNumber.set(nk, row.row);
        } else if (seenDerived.has(dk)) {
          problems.push({
            row: row.row,
            column: label('productName'),
            message: `same product, level and year as row ${seenDerived.get(dk)} (give each certificate its number to tell them apart)`,
          });
          continue;
        }
        seenDerived.set(dk, row.row);

        const cBefore =
          row.number !== undefined
            ? (certByNumber.get(numberKey(row.number)) ??
              certsByDerived.get(dk)?.find((c) => c.number === undefined))
            : certsByDerived.get(dk)?.[0];
        if (cBefore) {
          const other = seenExisting.get(cBefore.id);
          if (other !== undefined) {
            problems.push({
              row: row.row,
              column: label('number'),
              message: `the same certificate as row ${other}`,
            });
            continue;
          }
          seenExisting.set(cBefore.id, row.row);
        }

        const asListed = row.province.canonicalAsListed;
        const sameRound = cBefore !== undefined && cBefore.year === row.year;
        const issuedBy =
          row.issuedBy ??
          (cBefore && cBefore.level === row.level && cBefore.provinceAsListed === asListed
            ? cBefore.issuedBy
            : defaultIssuer(row.level, asListed, row.address ?? facility.address));
        const prefix = LEVEL_ID_PREFIX[row.level];
        const id =
          cBefore?.id ??
          (row.number !== undefined && slugify(row.number, 60) !== ''
            ? certificateIds.allocate([
                slugify(row.number, 60),
                joinSlug([prefix, String(row.year), slugify(row.number, 60)]),
              ])
            : certificateIds.allocate([`${prefix}-${row.year}-${shortHash(dk)}`]));
        const certificate: Certificate = compact({
          id,
          productId: product.id,
          facilityId: facility.id,
          number: row.number ?? cBefore?.number,
          decision: row.decision ?? cBefore?.decision,
          level: row.level,
          region: row.level === 'regional' ? row.region : undefined,
          year: row.year,
          issuedBy,
          issuedOn: row.issuedOn ?? (sameRound ? cBefore?.issuedOn : undefined),
          validUntil: row.validUntil ?? (sameRound ? cBefore!.validUntil : defaultValidUntil(row.year)),
          score: row.score ?? cBefore?.score,
          provinceAsListed: asListed,
          revocation: cBefore?.revocation,
        });
        tally(summary.certificates, cBefore, certificate);
        outCertificates.set(certificate.id, certificate);
        originOf.set(certificate, row.row);
      }
    }
  }

  // Validate the merged result with the same schemas the site loads it with.
  const validate = <T extends object>(schema: z.ZodTypeAny, items: Iterable<T>): T[] => {
    const out: T[] = [];
    for (const item of items) {
      const result = schema.safeParse(item);
      if (result.success) {
        out.push(result.data as T);
        continue;
      }
      for (const issue of result.error.issues) {
        problems.push({
          row: originOf.get(item) ?? 1,
          column: issue.path.join('.') || '-',
          message: issue.message,
        });
      }
    }
    return out;
  };
  const registry: Registry = {
    facilities: validate<Facility>(facilitySchema, outFacilities.values()),
    products: validate<Product>(productSchema, outProducts.values()),
    certificates: validate<Certificate>(certificateSchema, outCertificates.values()),
  };
  const productIdsOut = new Set(registry.products.map((p) => p.id));
  const facilityIdsOut = new Set(registry.facilities.map((f) => f.id));
  for (const p of registry.products) {
    if (!facilityIdsOut.has(p.facilityId))
      problems.push({
        row: originOf.get(p) ?? 1,
        column: '-',
        message: `product ${p.id} refers to unknown facility ${p.facilityId}`,
      });
  }
  for (const c of registry.certificates) {
    if (!productIdsOut.has(c.productId))
      problems.push({
        row: originOf.get(c) ?? 1,
        column: '-',
        message: `certificate ${c.id} refers to unknown product ${c.productId}`,
      });
  }
  problems.sort((a, b) => a.row - b.row);
  return { registry, summary, problems };
}
