/**
 * /facility/products/{productId}/: a facility's listing editor for one certified product. The
 * product decides the facility: its members (and staff) may open it, anyone else gets 403
 * before the form is even read, and an unknown product 404. Saving goes through parseListing
 * (the facility API's rules and wording) and the listings store, which refuses a save over a
 * newer revision (conflict) and applies stock as the difference from what the form showed, so
 * units ordered while the facility edits stay taken. Nothing is saved on any error. A save or
 * an undo redirects (redirect-after-post) to the page with a notice.
 */
import { actorOf } from '~/accounts/astro';
import { type Catalogue, GROUP_NAMES, LEVEL_NAMES, productPath } from '~/catalogue';
import { remainingStock } from '~/commerce/astro';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { LOCALE_TAGS, type Locale } from '~/i18n/locales';
import { MAX_VARIANTS } from '~/listings';
import {
  type ListingBody,
  type ListingProblems,
  listingBodyOf,
  listingHistory,
  parseListing,
  problemMessages,
  type SaveOptions,
  type SaveOutcome,
  savedListing,
} from '~/listings/astro';
import { listingEditorStrings } from './listing-editor-strings';
import {
  draftOf,
  type ListingFormValues,
  makeSku,
  readListingForm,
  stockShown,
  valuesOf,
  withNewVariant,
  withoutVariant,
} from './listing-form';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';

/** 20 variants with their tiers and two 5,000-character descriptions fit well below this. */
export const LISTING_FORM_MAX_BYTES = 256 * 1024;

export interface ListingEditorDeps {
  db: Database;
  /** The registry files as they are now, with the saved listings (editableCatalogue). */
  catalogue: Catalogue;
  save: (actor: Actor, productId: string, listing: ListingBody, options: SaveOptions) => Promise<SaveOutcome>;
  undo: (actor: Actor, productId: string) => Promise<SaveOutcome>;
}

export interface RegistryFacts {
  id: string;
  name: string;
  group: string;
  facilityName: string;
  publicPath: string;
  photosPath: string;
  certificates: string[];
}

export interface HistoryRow {
  revision: number;
  who: string;
  /** vi-VN (or en-GB) date and time, Vietnam's time zone. */
  when: string;
  current: boolean;
  undone: boolean;
}

export interface SummaryEntry {
  /** The id of the element the entry links to. */
  anchor: string;
  message: string;
}

export interface ListingEditorState {
  product: RegistryFacts;
  values: ListingFormValues;
  /** The revision the form shows (sent back as expectedRevision). */
  revision: number;
  /** Per tracked SKU, the units the stock field showed when the form was first loaded. */
  stockSeen: Record<string, number>;
  /** Units left now per tracked SKU. */
  stockNow: Record<string, number>;
  /** Field path ("variants.0.price") → what is wrong with it, in the page's language. */
  errors: Record<string, string>;
  /** The same problems in the form's order, each linking to its field. */
  summary: SummaryEntry[];
  notice?: string;
  error?: string;
  history: HistoryRow[];
  canUndo: boolean;
}

export type ListingEditorOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'unknown_product'; status: 404; context: PortalContext; productId: string }
  | { kind: 'refused'; status: number; context: Exclude<PortalContext, { kind: 'facility' }> }
  | {
      kind: 'editor';
      status: number;
      context: Extract<PortalContext, { kind: 'facility' }>;
      state: ListingEditorState;
    };

/** The id of the element showing a field path: "variants.0.price" → "le-variants-0-price". */
export const fieldId = (path: string) => `le-${path.replace(/\./g, '-')}`;

/** The spare tier rows the form offers under a variant's tiers. */
export const SPARE_TIER_ROWS = 2;

/** Every path the form has an element for, in the order the form shows them. */
export function formPaths(values: ListingFormValues): string[] {
  const paths = ['description', 'description.vi', 'description.en', 'notSoldOnline', 'variants'];
  values.variants.forEach((v, i) => {
    const at = `variants.${i}`;
    paths.push(at, `${at}.sku`, `${at}.name.vi`, `${at}.name.en`, `${at}.packSize`, `${at}.price`);
    paths.push(`${at}.wholesaleTiers`);
    for (let k = 0; k < v.tiers.length + SPARE_TIER_ROWS; k++)
      paths.push(`${at}.wholesaleTiers.${k}.minQuantity`, `${at}.wholesaleTiers.${k}.unitPrice`);
    paths.push(`${at}.minOrderQuantity`, `${at}.stock`, `${at}.availability`, `${at}.leadTimeDays`);
    paths.push(`${at}.weightGrams`);
  });
  return paths;
}

const NUMERIC_FIELDS = new Set([
  'price',
  'minQuantity',
  'unitPrice',
  'minOrderQuantity',
  'leadTimeDays',
  'weightGrams',
  'stock',
]);

/** The problems worded in `locale`, and listed in the form's order with the element each links to. */
export function describeProblems(
  problems: ListingProblems,
  values: ListingFormValues,
  locale: Locale,
): { errors: Record<string, string>; summary: SummaryEntry[] } {
  const t = listingEditorStrings(locale);
  const worded = problemMessages(problems, locale);
  const errors: Record<string, string> = {};
  for (const [path, code] of Object.entries(problems)) {
    const last = path.split('.').at(-1) ?? '';
    // "abc" in a price field is a number typed wrong, not a "wrong kind of value".
    errors[path] = code === 'wrong_type' && NUMERIC_FIELDS.has(last) ? t('notANumber') : worded[path]!;
  }
  const order = formPaths(values);
  const place = (path: string) => {
    const segments = path.split('.');
    for (let n = segments.length; n > 0; n--) {
      const at = order.indexOf(segments.slice(0, n).join('.'));
      if (at >= 0) return { at, anchor: fieldId(order[at]!) };
    }
    return { at: -1, anchor: 'le-form' };
  };
  const summary = Object.keys(errors)
    .map((path) => ({ path, ...place(path) }))
    .sort((a, b) => a.at - b.at || a.path.localeCompare(b.path))
    .map(({ path, anchor }) => ({ anchor, message: errors[path]! }));
  return { errors, summary };
}

/** Full year and two-digit day and month: "21:53 01/12/2026" rather than vi-VN's short "21:53 1/12/26". */
const dateTime = (locale: Locale) =>
  new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
const DATE_TIME: Record<Locale, Intl.DateTimeFormat> = { vi: dateTime('vi'), en: dateTime('en') };

/** The listing shown now and its revision: the saved one, else the files' (revision 0). */
async function currentListing(deps: ListingEditorDeps, productId: string) {
  const saved = await savedListing(deps.db, productId);
  if (saved) return saved;
  return { listing: listingBodyOf(deps.catalogue.origin.listingByProduct.get(productId)), revision: 0 };
}

/** A SKU is taken when another product's listing holds it. */
const takenFor = (catalogue: Catalogue, productId: string) => (sku: string) => {
  const owner = catalogue.variantBySku.get(sku)?.product.id;
  return owner !== undefined && owner !== productId;
};

async function unitsLeft(db: Database, values: ListingFormValues): Promise<Record<string, number>> {
  const left = await remainingStock(
    db,
    values.variants.map((v) => v.sku),
  );
  return Object.fromEntries(left);
}

/** The saved listing as the form shows it: stock as units left now, and one variant to fill when it has none. */
async function loadedForm(deps: ListingEditorDeps, productId: string) {
  const { listing, revision } = await currentListing(deps, productId);
  const skus = listing?.variants.map((v) => v.sku) ?? [];
  const stockNow = await remainingStock(deps.db, skus);
  let values = valuesOf(listing, stockNow);
  if (values.variants.length === 0)
    values = withNewVariant(values, productId, takenFor(deps.catalogue, productId));
  return { values, revision, stockSeen: stockShown(values), stockNow: Object.fromEntries(stockNow) };
}

function registryFacts(catalogue: Catalogue, productId: string, locale: Locale): RegistryFacts {
  const product = catalogue.productById.get(productId)!;
  return {
    id: product.id,
    name: product.name,
    group: GROUP_NAMES[product.group][locale],
    facilityName: catalogue.facilityById.get(product.facilityId)?.name ?? product.facilityId,
    publicPath: productPath(product.id),
    photosPath: `/facility/products/${product.id}/photos/`,
    certificates: catalogue.certificatesOf(product.id).map((c) =>
      listingEditorStrings(locale)('certificate', {
        number: c.number ?? c.id,
        level: LEVEL_NAMES[c.level][locale],
        year: c.year,
      }),
    ),
  };
}

async function historyRows(db: Database, productId: string, locale: Locale): Promise<HistoryRow[]> {
  const t = listingEditorStrings(locale);
  return (await listingHistory(db, productId)).map((entry) => ({
    revision: entry.revision,
    who: entry.revision === 0 && entry.actorLabel === 'files' ? t('fromFiles') : entry.actorLabel,
    when: DATE_TIME[locale].format(entry.createdAt),
    current: entry.current,
    undone: entry.undone,
  }));
}

/** The page's address with the facility it keeps and one notice parameter. */
function back(url: URL, query: string, notice: 'saved' | 'undone', revision: number): string {
  const params = new URLSearchParams(query);
  params.set(notice, String(revision));
  return `${url.pathname}?${params}`;
}

/**
 * New variants whose SKU another product took meanwhile get a fresh one (their SKU field is
 * read-only, so the facility could not fix it); the problem then no longer applies to them.
 */
function remakeTakenSkus(
  values: ListingFormValues,
  problems: ListingProblems,
  productId: string,
  taken: (sku: string) => boolean,
): { values: ListingFormValues; problems: ListingProblems; remade: boolean } {
  const left: ListingProblems = { ...problems };
  const refused = new Set<string>();
  values.variants.forEach((v, i) => {
    if (!v.isNew || problems[`variants.${i}.sku`] !== 'sku_taken') return;
    delete left[`variants.${i}.sku`];
    refused.add(v.sku);
  });
  const skus = values.variants.map((v) => v.sku);
  const remade = values.variants.map((v) => {
    if (!refused.has(v.sku)) return v;
    const sku = makeSku(productId, skus, (s) => refused.has(s) || taken(s));
    skus.push(sku);
    return { ...v, sku };
  });
  return { values: { ...values, variants: remade }, problems: left, remade: refused.size > 0 };
}

export async function listingEditorPageState(
  deps: ListingEditorDeps,
  request: Request,
  locale: Locale,
  principal: PortalPrincipal,
  productId: string,
): Promise<ListingEditorOutcome> {
  const t = listingEditorStrings(locale);
  const url = new URL(request.url);
  const { catalogue } = deps;
  const product = catalogue.productById.get(productId);
  if (!product) {
    const plain = new URL(url.pathname, url);
    return {
      kind: 'unknown_product',
      status: 404,
      context: portalContext(principal, plain, catalogue),
      productId,
    };
  }
  // The product's facility is the one the page is about, whatever ?facility= says.
  const scoped = new URL(url.pathname, url);
  scoped.searchParams.set('facility', product.facilityId);
  const context = portalContext(principal, scoped, catalogue);
  // Not this person's facility: nothing is read from the form, nothing written or shown.
  if (context.kind !== 'facility') return { kind: 'refused', status: portalStatus(context), context };

  const loaded = await loadedForm(deps, productId);
  let status = 200;
  let form: Pick<ListingEditorState, 'values' | 'revision' | 'stockSeen'> = loaded;
  let problems: { errors: Record<string, string>; summary: SummaryEntry[] } = { errors: {}, summary: [] };
  let notice: string | undefined;
  let error: string | undefined;

  if (request.method === 'POST') {
    let data: FormData | undefined;
    try {
      data = await limitedFormData(request, LISTING_FORM_MAX_BYTES);
    } catch (failure) {
      status = failure instanceof BodyTooLarge ? 413 : 400;
      error = failure instanceof BodyTooLarge ? t('errTooLarge') : t('errForm');
    }
    const post = data ? readListingForm(data) : undefined;
    const actor = actorOf(principal);
    if (post && post.revision === undefined) {
      // Without the revision it was loaded at, a save could silently overwrite a newer one.
      status = 400;
      error = t('errForm');
    } else if (post) {
      const kept = { values: post.values, revision: post.revision!, stockSeen: post.stockSeen };
      const action = post.action;
      if (action.kind === 'add_variant') {
        form = { ...kept, values: withNewVariant(post.values, productId, takenFor(catalogue, productId)) };
        if (post.values.variants.length >= MAX_VARIANTS)
          error = t('errTooManyVariants', { max: MAX_VARIANTS });
      } else if (action.kind === 'remove_variant') {
        form = { ...kept, values: withoutVariant(post.values, action.index) };
      } else if (action.kind === 'undo') {
        if (post.revision !== loaded.revision) {
          status = 409;
          error = t('errConflictUndo', { revision: loaded.revision });
        } else {
          const outcome = await deps.undo(actor, productId);
          if (outcome.ok)
            return { kind: 'redirect', location: back(url, context.query, 'undone', outcome.saved.revision) };
          status = 409;
          error = t('errNothingToUndo');
        }
      } else if (action.kind === 'save') {
        form = kept;
        const parsed = parseListing(draftOf(post.values));
        const outcome: SaveOutcome = parsed.ok
          ? await deps.save(actor, productId, parsed.listing, {
              expectedRevision: post.revision,
              stockSeen: post.stockSeen,
            })
          : { ok: false, reason: 'problems', problems: parsed.problems };
        if (outcome.ok)
          return { kind: 'redirect', location: back(url, context.query, 'saved', outcome.saved.revision) };
        if (outcome.reason === 'problems') {
          status = 400;
          const fixed = remakeTakenSkus(
            post.values,
            outcome.problems,
            productId,
            takenFor(catalogue, productId),
          );
          form = { ...kept, values: fixed.values };
          problems = describeProblems(fixed.problems, fixed.values, locale);
          if (fixed.remade) error = t('errSkuRemade');
        } else if (outcome.reason === 'conflict') {
          // Someone saved meanwhile: say so and show theirs (what was typed is not kept over it).
          status = 409;
          const fresh = await loadedForm(deps, productId);
          form = fresh;
          const newest = (await listingHistory(deps.db, productId)).find(
            (h) => h.revision === fresh.revision,
          );
          const who = newest && newest.revision > 0 ? newest.actorLabel : t('someoneElse');
          error = t('errConflict', { who, revision: fresh.revision });
        } else {
          status = 400;
          error = t('errForm');
        }
      } else {
        status = 400;
        error = t('errForm');
      }
    }
  } else {
    if (url.searchParams.has('saved')) notice = t('saved');
    else if (url.searchParams.has('undone')) notice = t('undone');
  }

  const history = await historyRows(deps.db, productId, locale);
  const state: ListingEditorState = {
    product: registryFacts(catalogue, productId, locale),
    ...form,
    stockNow: await unitsLeft(deps.db, form.values),
    errors: problems.errors,
    summary: problems.summary,
    ...(notice ? { notice } : {}),
    ...(error ? { error } : {}),
    history,
    canUndo: history.some((h) => h.current && h.revision > 0),
  };
  return { kind: 'editor', status, context, state };
}
