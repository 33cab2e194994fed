/**
 * The listing editor's form (/facility/products/{id}/), without client JavaScript: its fields
 * are named after the listing's field paths ("variants.0.wholesaleTiers.1.minQuantity"), so a
 * problem parseListing reports lands on the input of the same name. This module reads a post
 * into the values as typed (to show them again) and into the PUT body's shape (for
 * parseListing, which alone decides what is valid), and makes SKUs for new variants. Pure.
 */
import { AVAILABILITIES } from '~/catalogue';
import { type ListingBody, MAX_VARIANTS, SKU_SHAPE } from '~/listings';

export interface TierValues {
  minQuantity: string;
  unitPrice: string;
}

/** A variant as the form holds it: every field as typed. */
export interface VariantValues {
  sku: string;
  /** Added in this editing session (not saved yet). */
  isNew: boolean;
  nameVi: string;
  nameEn: string;
  packSize: string;
  price: string;
  tiers: TierValues[];
  minOrderQuantity: string;
  /** Blank: stock not tracked. */
  stock: string;
  availability: string;
  leadTimeDays: string;
  weightGrams: string;
}

export interface ListingFormValues {
  descriptionVi: string;
  descriptionEn: string;
  /** The whole listing not sold online: every variant saved as not_sold_online. */
  notSoldOnline: boolean;
  variants: VariantValues[];
}

export type FormAction =
  | { kind: 'save' }
  | { kind: 'add_variant' }
  | { kind: 'remove_variant'; index: number }
  | { kind: 'undo' }
  | { kind: 'unknown' };

export interface ListingFormPost {
  action: FormAction;
  values: ListingFormValues;
  /** The revision the form was loaded at; undefined when missing or not a number. */
  revision: number | undefined;
  /** Per SKU, the units the stock field showed when the form was loaded. */
  stockSeen: Record<string, number>;
}

/** Rows read per list: far above what the listing rules allow, so those rules still speak. */
const MAX_ROWS = MAX_VARIANTS * 2;
const MAX_FIELD = 10_000;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : '';
};

/** The numbers `prefix.N.` is followed by among the form's names, ascending. */
function indicesOf(form: FormData, prefix: string): number[] {
  const found = new Set<number>();
  const shape = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,4})\\.`);
  for (const name of form.keys()) {
    const match = shape.exec(name);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, MAX_ROWS);
}

function readVariant(form: FormData, at: string): VariantValues {
  const tiers = indicesOf(form, `${at}.wholesaleTiers`)
    .map((k) => ({
      minQuantity: field(form, `${at}.wholesaleTiers.${k}.minQuantity`).trim(),
      unitPrice: field(form, `${at}.wholesaleTiers.${k}.unitPrice`).trim(),
    }))
    // Rows left empty are the spare rows the form always offers, not tiers.
    .filter((t) => t.minQuantity !== '' || t.unitPrice !== '');
  return {
    sku: field(form, `${at}.sku`).trim(),
    isNew: field(form, `${at}.new`) === '1',
    nameVi: field(form, `${at}.name.vi`),
    nameEn: field(form, `${at}.name.en`),
    packSize: field(form, `${at}.packSize`),
    price: field(form, `${at}.price`).trim(),
    tiers,
    minOrderQuantity: field(form, `${at}.minOrderQuantity`).trim(),
    stock: field(form, `${at}.stock`).trim(),
    availability: field(form, `${at}.availability`),
    leadTimeDays: field(form, `${at}.leadTimeDays`).trim(),
    weightGrams: field(form, `${at}.weightGrams`).trim(),
  };
}

function readAction(form: FormData): FormAction {
  const action = form.get('action');
  if (action === null || action === 'save') return { kind: 'save' };
  if (action === 'add_variant') return { kind: 'add_variant' };
  if (action === 'undo') return { kind: 'undo' };
  const remove = typeof action === 'string' ? /^remove_variant:(\d{1,4})$/.exec(action) : null;
  if (remove) return { kind: 'remove_variant', index: Number(remove[1]) };
  return { kind: 'unknown' };
}

/** The form's values as typed, what it asks for, and the revision and stock it was loaded with. */
export function readListingForm(form: FormData): ListingFormPost {
  const values: ListingFormValues = {
    descriptionVi: field(form, 'description.vi'),
    descriptionEn: field(form, 'description.en'),
    notSoldOnline: form.get('notSoldOnline') === '1',
    variants: indicesOf(form, 'variants').map((i) => readVariant(form, `variants.${i}`)),
  };
  const revisionText = field(form, 'revision');
  const stockSeen: Record<string, number> = {};
  for (const [name, value] of form.entries()) {
    const sku = name.startsWith('stockSeen.') ? name.slice('stockSeen.'.length) : '';
    if (SKU_SHAPE.test(sku) && typeof value === 'string' && /^\d{1,9}$/.test(value))
      stockSeen[sku] = Number(value);
  }
  return {
    action: readAction(form),
    values,
    revision: /^\d{1,9}$/.test(revisionText) ? Number(revisionText) : undefined,
    stockSeen,
  };
}

/**
 * A number as people type it in Vietnam or elsewhere: "125.000", "125000", "125 000", "125,000"
 * and "125.000 ₫" are 125000. A fraction ("12,5") stays a fraction and anything else stays text,
 * so parseListing refuses it by its rules (whole_number, wrong_type) rather than this guessing.
 * Blank is undefined (the field was left out).
 */
export function parseWholeNumber(text: string): number | string | undefined {
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(₫|đ|vnđ|vnd)$/i, '')
    .replace(/^(₫|đ)/i, '');
  if (plain === '') return undefined;
  if (/^-?\d+$/.test(plain)) return Number(plain);
  // Thousands grouped by one kind of separator, in groups of three.
  if (/^-?\d{1,3}(\.\d{3})+$/.test(plain) || /^-?\d{1,3}(,\d{3})+$/.test(plain))
    return Number(plain.replace(/[.,]/g, ''));
  if (/^-?\d+[.,]\d+$/.test(plain)) return Number(plain.replace(',', '.'));
  return text.trim();
}

/** The object without its undefined members: a field left blank is a field left out. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

const textOrUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The values in the shape PUT /api/facility/listings/{id} takes; parseListing judges it. */
export function draftOf(values: ListingFormValues): Record<string, unknown> {
  const description = defined({
    vi: textOrUndefined(values.descriptionVi),
    en: textOrUndefined(values.descriptionEn),
  });
  const variants = values.variants.map((v) =>
    defined({
      sku: v.sku,
      name: defined({ vi: textOrUndefined(v.nameVi), en: textOrUndefined(v.nameEn) }),
      packSize: textOrUndefined(v.packSize),
      price: parseWholeNumber(v.price),
      wholesaleTiers: v.tiers.map((t) =>
        defined({ minQuantity: parseWholeNumber(t.minQuantity), unitPrice: parseWholeNumber(t.unitPrice) }),
      ),
      // Left blank: the listing rules' default (MOQ 1), no lead time, stock not tracked.
      minOrderQuantity: parseWholeNumber(v.minOrderQuantity),
      availability: values.notSoldOnline ? 'not_sold_online' : v.availability,
      leadTimeDays: parseWholeNumber(v.leadTimeDays),
      weightGrams: parseWholeNumber(v.weightGrams),
      stock: parseWholeNumber(v.stock),
    }),
  );
  return Object.keys(description).length > 0 ? { description, variants } : { variants };
}

/** The posted form in the PUT body's shape (then parseListing validates it). */
export function listingFromForm(form: FormData): Record<string, unknown> {
  return draftOf(readListingForm(form).values);
}

const asText = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * A saved listing as the form shows it. `stockNow` holds the units left now per tracked SKU
 * (what orders have not taken), shown in place of the figure last saved.
 */
export function valuesOf(
  listing: ListingBody | null,
  stockNow: ReadonlyMap<string, number> = new Map(),
): ListingFormValues {
  const variants = listing?.variants ?? [];
  return {
    descriptionVi: listing?.description?.vi ?? '',
    descriptionEn: listing?.description?.en ?? '',
    notSoldOnline: variants.length > 0 && variants.every((v) => v.availability === 'not_sold_online'),
    variants: variants.map((v) => ({
      sku: v.sku,
      isNew: false,
      nameVi: v.name.vi,
      nameEn: v.name.en ?? '',
      packSize: v.packSize,
      price: String(v.price),
      tiers: v.wholesaleTiers.map((t) => ({
        minQuantity: String(t.minQuantity),
        unitPrice: String(t.unitPrice),
      })),
      minOrderQuantity: String(v.minOrderQuantity),
      stock: v.stock === undefined ? '' : asText(stockNow.get(v.sku) ?? v.stock),
      availability: v.availability,
      leadTimeDays: asText(v.leadTimeDays),
      weightGrams: String(v.weightGrams),
    })),
  };
}

/** Per tracked SKU, the figure its stock field shows: sent back as stockSeen with the form. */
export function stockShown(values: ListingFormValues): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const v of values.variants) if (!v.isNew && /^\d+$/.test(v.stock)) seen[v.sku] = Number(v.stock);
  return seen;
}

const SKU_MAX = 41;

/** "bach-tra-shan-tuyet" → "BTST": the initials of the id's words (its digits kept whole). */
function initials(productId: string): string {
  const words = productId
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const letters = words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('');
  return letters.slice(0, 10) || 'SP';
}

/** Four base-36 characters from the product id, so two products with the same initials differ. */
function stamp(productId: string): string {
  let hash = 2166136261;
  for (const char of productId) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(36).toUpperCase().padStart(4, '0').slice(-4);
}

/**
 * A SKU for a new variant: the stem the product's SKUs share ("BTSTB-000J" of "BTSTB-000J-1"),
 * else one made from the product id, then the first "-N" that none of the product's SKUs has
 * and `taken` (SKUs of other products) does not refuse. Always matches SKU_SHAPE.
 */
export function makeSku(
  productId: string,
  existing: readonly string[],
  taken: (sku: string) => boolean = () => false,
): string {
  const own = existing.find((sku) => SKU_SHAPE.test(sku) && /-\d+$/.test(sku));
  const stem = (own ? own.replace(/-\d+$/, '') : `${initials(productId)}-${stamp(productId)}`).slice(
    0,
    SKU_MAX - 4,
  );
  const used = new Set(existing);
  for (let n = 1; ; n++) {
    const sku = `${stem}-${n}`;
    if (!used.has(sku) && !taken(sku) && SKU_SHAPE.test(sku)) return sku;
  }
}

/** The values with one more variant (a new SKU, in stock, MOQ 1), unless the listing has the most it may. */
export function withNewVariant(
  values: ListingFormValues,
  productId: string,
  taken: (sku: string) => boolean = () => false,
): ListingFormValues {
  if (values.variants.length >= MAX_VARIANTS) return values;
  const sku = makeSku(
    productId,
    values.variants.map((v) => v.sku),
    taken,
  );
  const blank: VariantValues = {
    sku,
    isNew: true,
    nameVi: '',
    nameEn: '',
    packSize: '',
    price: '',
    tiers: [],
    minOrderQuantity: '1',
    stock: '',
    availability: values.notSoldOnline ? 'not_sold_online' : 'in_stock',
    leadTimeDays: '',
    weightGrams: '',
  };
  return { ...values, variants: [...values.variants, blank] };
}

export function withoutVariant(values: ListingFormValues, index: number): ListingFormValues {
  return { ...values, variants: values.variants.filter((_, i) => i !== index) };
}

/** Whether a posted availability is one the form offers (the select shows it chosen). */
export const isAvailability = (value: string): value is (typeof AVAILABILITIES)[number] =>
  (AVAILABILITIES as readonly string[]).includes(value);
