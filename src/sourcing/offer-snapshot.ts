/** The part of an offer the quote basket keeps in the browser (see client/basket-store.ts). */

import { productPath } from '~/catalogue';
import { type Locale, pickText } from '~/i18n/locales';
import type { OfferSnapshot } from './client/basket-store';
import type { Offer } from './offers';

export function offerSnapshot(offer: Offer, locale: Locale): OfferSnapshot {
  return {
    sku: offer.sku,
    productName: offer.productName,
    variantName: pickText(offer.variantName, locale) ?? offer.packSize,
    productPath: productPath(offer.productId),
    facilityId: offer.facilityId,
    facilityName: offer.facilityName,
    price: offer.price,
    wholesaleTiers: offer.wholesaleTiers,
    minOrderQuantity: offer.minOrderQuantity,
  };
}
