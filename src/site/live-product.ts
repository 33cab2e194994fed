/**
 * The parts of a product page that change without a rebuild: the gallery (photos a facility
 * uploads), the offer (price "from", buy box, quote box) and the listing details (variants,
 * stock, tiers, description). The static page renders them from the build as the first paint;
 * /products/{id}/live/ renders them again from the live catalogue, and the page swaps in only a
 * part whose version differs (src/commerce/client/live-offer.ts), so an unchanged product shows
 * no layout shift. Both sides compute the versions here, from the same inputs the parts render.
 * Server-side only (node:crypto); pure otherwise.
 */
import { createHash } from 'node:crypto';
import { type Catalogue, isSellable, type Listing, productPath } from '~/catalogue';
import type { LivePhoto } from '~/listings';

/** The names of the live parts, as `data-live-part` carries them. */
export const LIVE_PARTS = ['gallery', 'offer', 'details'] as const;
export type LivePart = (typeof LIVE_PARTS)[number];

/** The fragment of a product's live parts (before the locale prefix): /products/{id}/live/. */
export function productLivePath(productId: string, builtWithUploads = false): string {
  return `${productPath(productId)}live/${builtWithUploads ? `?${BUILT_WITH_UPLOADS}` : ''}`;
}

/**
 * The query a static page adds when its build showed uploaded photos: should the facility
 * delete them all since, the fragment then brings the catalogue's gallery back instead of an
 * empty part (which would leave the page with no gallery at all).
 */
export const BUILT_WITH_UPLOADS = 'uploads=built';

/** Whether the fragment was asked by a page built with uploaded photos. */
export const builtWithUploads = (url: URL) => url.searchParams.get('uploads') === 'built';

export interface ProductOffer {
  listing: Listing | undefined;
  /** Whether any variant is sold online. */
  soldOnline: boolean;
  /** The lowest retail price of a variant sold online. */
  priceFrom: number | undefined;
}

export function productOffer(catalogue: Catalogue, productId: string): ProductOffer {
  const listing = catalogue.listingByProduct.get(productId);
  const prices = (listing?.variants ?? [])
    .filter((v) => v.availability !== 'not_sold_online')
    .map((v) => v.price);
  return {
    listing,
    soldOnline: prices.length > 0,
    priceFrom: prices.length > 0 ? Math.min(...prices) : undefined,
  };
}

export interface LiveInputs {
  catalogue: Catalogue;
  productId: string;
  /** The day sellability is judged on. */
  asOf: string;
  /** Units left per tracked SKU (the static page has none: the listing's figures stand). */
  remaining?: ReadonlyMap<string, number> | undefined;
  /** Photos the facility uploaded (the static page has none). */
  livePhotos?: readonly LivePhoto[] | undefined;
}

/** JSON with object keys sorted: a listing read back from jsonb has its keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const digest = (value: unknown) =>
  createHash('sha256').update(canonical(value)).digest('base64url').slice(0, 16);

/**
 * Each part's version: a digest of everything the part shows that can change while the server
 * runs. The registry's own data (names, certificates, the files' pictures) only changes with a
 * build, which rebuilds the page too, so it is left out.
 */
export function liveVersions(inputs: LiveInputs): Record<LivePart, string> {
  const { catalogue, productId, asOf, remaining, livePhotos = [] } = inputs;
  const listing = catalogue.listingByProduct.get(productId);
  const variants = (listing?.variants ?? []).map((v) => ({
    ...v,
    stock: v.stock === undefined ? null : (remaining?.get(v.sku) ?? v.stock),
  }));
  const sellable = isSellable(catalogue, productId, asOf);
  return {
    gallery: digest(livePhotos.map((p) => [p.id, p.alt.vi, p.alt.en ?? null, p.width, p.height])),
    offer: digest({ variants, sellable }),
    details: digest({ variants, description: listing?.description ?? null }),
  };
}

/** An ETag for the fragment: changes whenever a part's version does. */
export function liveTag(versions: Record<LivePart, string>): string {
  return `"${digest(LIVE_PARTS.map((p) => versions[p]))}"`;
}
