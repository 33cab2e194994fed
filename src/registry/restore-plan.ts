/**
 * What restoring an older state of the registry writes (pure). The state's records come back as
 * they were, with two exceptions that keep what only other operations may change:
 * - revocations: each certificate keeps its CURRENT revocation (or its current lack of one),
 *   since revocations change only by revoke and unrevoke; a certificate revoked now that the
 *   older state does not have is kept, with its product and facility, so no revocation is lost;
 * - listings: a product a listing sells now is kept (with its facility), so the shop keeps it.
 * Records are kept as the JSON they were stored as, so restoring the state before a change gives
 * back those files byte for byte (apart from the revocations above).
 */
import { z } from 'zod';
import {
  type Certificate,
  certificateSchema,
  type Facility,
  facilitySchema,
  type Product,
  productSchema,
} from '~/catalogue';

/** The registry files' text (history-store's RegistryFiles). */
export type RegistryTexts = Record<'facilities' | 'products' | 'certificates', string>;

export interface RegistryObjects {
  facilities: Facility[];
  products: Product[];
  certificates: Certificate[];
}

export interface RestorePlan {
  /** The records to write (serialise each collection to get the files). */
  registry: RegistryObjects;
  /** Certificates whose revocation was set to the current one (revoked, reversed or changed since). */
  revocationsKept: string[];
  /** Records the older state lacks, kept because a current revocation or listing depends on them. */
  carried: { facilities: string[]; products: string[]; certificates: string[] };
}

export class RegistryTextError extends Error {
  constructor(
    readonly file: keyof RegistryTexts,
    readonly detail: string,
  ) {
    super(`registry/${file}.json: ${detail}`);
    this.name = 'RegistryTextError';
  }
}

const SCHEMAS = {
  facilities: facilitySchema,
  products: productSchema,
  certificates: certificateSchema,
} as const;

/**
 * Parses one file's text and checks it against today's schema; returns the records as stored
 * (not the schema's output, which would add defaults and change the bytes written back).
 */
function parseFile<K extends keyof RegistryTexts>(texts: RegistryTexts, file: K): RegistryObjects[K] {
  let raw: unknown;
  try {
    raw = JSON.parse(texts[file]);
  } catch (error) {
    throw new RegistryTextError(file, `not JSON (${(error as Error).message})`);
  }
  const checked = z.array(SCHEMAS[file] as z.ZodTypeAny).safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new RegistryTextError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return raw as RegistryObjects[K];
}

/** The registry in `texts`, checked; throws RegistryTextError naming the file and field. */
export function parseRegistryTexts(texts: RegistryTexts): RegistryObjects {
  return {
    facilities: parseFile(texts, 'facilities'),
    products: parseFile(texts, 'products'),
    certificates: parseFile(texts, 'certificates'),
  };
}

/** The certificate with `revocation` as given (absent: none), other fields as they were. */
function withRevocation(certificate: Certificate, revocation: Certificate['revocation']): Certificate {
  const { revocation: _old, ...rest } = certificate;
  return revocation === undefined ? (rest as Certificate) : { ...rest, revocation };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function planRestore(
  target: RegistryObjects,
  current: RegistryObjects,
  listedProductIds: Iterable<string> = [],
): RestorePlan {
  const currentCertificates = new Map(current.certificates.map((c) => [c.id, c]));
  const revocationsKept: string[] = [];
  const certificates = target.certificates.map((c) => {
    const now = currentCertificates.get(c.id);
    // A certificate the registry no longer has keeps the revocation it had in that state.
    if (!now || sameJson(now.revocation, c.revocation)) return c;
    revocationsKept.push(c.id);
    return withRevocation(c, now.revocation);
  });

  const facilities = [...target.facilities];
  const products = [...target.products];
  const facilityIds = new Set(facilities.map((f) => f.id));
  const productIds = new Set(products.map((p) => p.id));
  const certificateIds = new Set(certificates.map((c) => c.id));
  const currentFacilities = new Map(current.facilities.map((f) => [f.id, f]));
  const currentProducts = new Map(current.products.map((p) => [p.id, p]));
  const carried: RestorePlan['carried'] = { facilities: [], products: [], certificates: [] };
  const keepFacility = (id: string) => {
    const facility = currentFacilities.get(id);
    if (facilityIds.has(id) || !facility) return;
    facilityIds.add(id);
    facilities.push(facility);
    carried.facilities.push(id);
  };
  const keepProduct = (id: string) => {
    const product = currentProducts.get(id);
    if (productIds.has(id) || !product) return;
    productIds.add(id);
    products.push(product);
    carried.products.push(id);
    keepFacility(product.facilityId);
  };
  for (const c of current.certificates) {
    if (!c.revocation || certificateIds.has(c.id)) continue;
    certificateIds.add(c.id);
    certificates.push(c);
    carried.certificates.push(c.id);
    keepProduct(c.productId);
    keepFacility(c.facilityId);
  }
  for (const id of listedProductIds) keepProduct(id);
  return { registry: { facilities, products, certificates }, revocationsKept, carried };
}

/** References the plan's registry breaks (a product's facility or a certificate's product missing). */
export function brokenReferences(registry: RegistryObjects): string[] {
  const facilityIds = new Set(registry.facilities.map((f) => f.id));
  const productIds = new Set(registry.products.map((p) => p.id));
  const problems: string[] = [];
  for (const p of registry.products) {
    if (!facilityIds.has(p.facilityId)) problems.push(`product ${p.id}: facility ${p.facilityId} is missing`);
  }
  for (const c of registry.certificates) {
    if (!productIds.has(c.productId)) problems.push(`certificate ${c.id}: product ${c.productId} is missing`);
    if (!facilityIds.has(c.facilityId))
      problems.push(`certificate ${c.id}: facility ${c.facilityId} is missing`);
  }
  return problems;
}
