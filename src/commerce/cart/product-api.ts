/**
 * GET /api/products/{id}: one certified product with what the cart needs to refresh a line:
 * today's prices, availability, units left and the most a buyer may order now (0 for every
 * variant when the product is no longer sellable: `sellable: false`), and the photos its
 * facility uploaded. The catalogue passed in is the live one (saved listings included).
 */
import { type Catalogue, certificateFacts, isSellable, todayInVietnam, type Variant } from '~/catalogue';
import { MAX_LINE_QUANTITY } from '~/commerce/orders/order-input';
import type { Database } from '~/db/client';
import { apiError, json } from '~/http/json';
import { type LivePhoto, photoJson } from '~/listings';
import { ensureStockSeeded, remainingStock } from './stock-store';

/** The most units of a variant one order may take, given the units left (undefined: not tracked). */
export function maxOrderQuantity(variant: Pick<Variant, 'availability'>, left: number | undefined): number {
  if (variant.availability === 'not_sold_online') return 0;
  return Math.min(MAX_LINE_QUANTITY, left ?? MAX_LINE_QUANTITY);
}

export function trackedSkusOf(catalogue: Catalogue, productId: string): string[] {
  const listing = catalogue.listingByProduct.get(productId);
  return (listing?.variants ?? []).filter((v) => v.stock !== undefined).map((v) => v.sku);
}

/** Units left of each tracked SKU of a product, as the database says now. */
export async function remainingOf(
  db: Database,
  catalogue: Catalogue,
  productId: string,
): Promise<Map<string, number>> {
  await ensureStockSeeded(db, catalogue);
  return remainingStock(db, trackedSkusOf(catalogue, productId));
}

/** An uploaded photo as the API gives it: its largest stored file, every width, alt text in both languages. */

export function productJson(
  catalogue: Catalogue,
  productId: string,
  remaining: ReadonlyMap<string, number>,
  asOf = todayInVietnam(),
  photos: readonly LivePhoto[] = [],
) {
  const product = catalogue.productById.get(productId);
  if (!product) return null;
  const facility = catalogue.facilityById.get(product.facilityId);
  const listing = catalogue.listingByProduct.get(productId);
  // With the live revocations: false as soon as the last certificate is revoked.
  const sellable = isSellable(catalogue, productId, asOf);
  return {
    id: product.id,
    sellable,
    name: product.name,
    url: `/products/${product.id}/`,
    group: product.group,
    isSet: product.isSet,
    facility: facility
      ? {
          id: facility.id,
          name: facility.name,
          province: facility.province,
          url: `/facilities/${facility.id}/`,
        }
      : null,
    certificates: catalogue.certificatesOf(product.id).map((c) => ({
      ...certificateFacts(c),
      validUntil: c.validUntil,
      status: catalogue.statusOf(c, asOf).status,
      url: `/verify/${c.id}/`,
    })),
    listing: listing
      ? {
          variants: listing.variants.map((v) => {
            const left = v.stock === undefined ? undefined : (remaining.get(v.sku) ?? v.stock);
            return {
              sku: v.sku,
              name: v.name,
              packSize: v.packSize,
              price: v.price,
              currency: 'VND' as const,
              wholesaleTiers: v.wholesaleTiers,
              minOrderQuantity: v.minOrderQuantity,
              availability: v.availability,
              leadTimeDays: v.leadTimeDays ?? null,
              /** Units left when the facility tracks stock, else null. */
              stock: left ?? null,
              maxQuantity: sellable ? maxOrderQuantity(v, left) : 0,
            };
          }),
        }
      : null,
    /** Photos the facility uploaded, in its order (empty: none; the catalogue's pictures stand). */
    photos: photos.map(photoJson),
  };
}

/** GET /api/products/{id}; `photosOf` gives a product's uploaded photos (none when absent). */
export async function handleProduct(
  id: string,
  catalogue: Catalogue,
  db: Database,
  photosOf: (productId: string) => Promise<readonly LivePhoto[]> = async () => [],
): Promise<Response> {
  if (!catalogue.productById.has(id))
    return apiError(404, 'not_found', `No certified product with id "${id}".`);
  const [remaining, photos] = await Promise.all([remainingOf(db, catalogue, id), photosOf(id)]);
  return json(productJson(catalogue, id, remaining, todayInVietnam(), photos));
}
