/**
 * A wholesale offer: one listed variant (SKU) of a certified product, with what a sourcing
 * buyer compares: facility and contacts, certificate level, MOQ, price tiers, availability.
 * Built from the Catalogue (pure data, no framework imports) so the /wholesale/ page, the
 * exports, the quote service and the tests share one definition.
 */
import type {
  Catalogue,
  Certificate,
  CertificateStatus,
  Facility,
  Product,
  Variant,
  WholesaleTier,
} from '~/catalogue';
import {
  type Availability,
  type CurrentProvince,
  currentProvinceByName,
  type FacilityType,
  findProvince,
  isSellable,
  LEVEL_RANK,
  type Level,
  type ProductGroup,
  type Region,
} from '~/catalogue';

export interface OfferCertificate {
  id: string;
  level: Level;
  region: Region | undefined;
  year: number;
  number: string | undefined;
  decision: string | undefined;
  validUntil: string;
  status: CertificateStatus;
}

export interface Offer {
  sku: string;
  variantName: { vi: string; en?: string | undefined };
  packSize: string;
  productId: string;
  productName: string;
  group: ProductGroup;
  facilityId: string;
  facilityName: string;
  facilityType: FacilityType;
  /** Today's province (one of the 34) and its slug and region. */
  province: string;
  provinceSlug: string | undefined;
  region: Region | undefined;
  phone: string | undefined;
  email: string | undefined;
  address: string | undefined;
  certificate: OfferCertificate;
  price: number;
  wholesaleTiers: WholesaleTier[];
  minOrderQuantity: number;
  availability: Availability;
  leadTimeDays: number | undefined;
}

const STATUS_PREFERENCE: Record<CertificateStatus, number> = {
  valid: 3,
  expired: 2,
  superseded: 1,
  revoked: 0,
};

/**
 * The certificate to show a buyer for a product: a valid one first, then the highest level,
 * then the newest round. Undefined when the product has no certificate that is not revoked.
 */
export function headlineCertificate(
  catalogue: Catalogue,
  productId: string,
  asOf: string,
): OfferCertificate | undefined {
  const ranked = catalogue
    .certificatesOf(productId)
    .map((c) => ({ c, status: catalogue.statusOf(c, asOf).status }))
    .filter((x) => x.status !== 'revoked')
    .sort(
      (a, b) =>
        STATUS_PREFERENCE[b.status] - STATUS_PREFERENCE[a.status] ||
        LEVEL_RANK[b.c.level] - LEVEL_RANK[a.c.level] ||
        b.c.year - a.c.year,
    );
  const best = ranked[0];
  return best ? toOfferCertificate(best.c, best.status) : undefined;
}

function toOfferCertificate(c: Certificate, status: CertificateStatus): OfferCertificate {
  return {
    id: c.id,
    level: c.level,
    region: c.region,
    year: c.year,
    number: c.number,
    decision: c.decision,
    validUntil: c.validUntil,
    status,
  };
}

/** Every wholesale offer of the catalogue, as of `asOf` (yyyy-mm-dd), in catalogue order. */
export function buildOffers(catalogue: Catalogue, asOf: string): Offer[] {
  const offers: Offer[] = [];
  for (const listing of catalogue.data.listings) {
    const product = catalogue.productById.get(listing.productId);
    const facility = product && catalogue.facilityById.get(product.facilityId);
    if (!product || !facility) continue;
    // The same rule as retail checkout: a product whose every certificate is revoked is not offered.
    if (!isSellable(catalogue, product.id, asOf)) continue;
    const certificate = headlineCertificate(catalogue, product.id, asOf);
    if (!certificate) continue;
    const province = currentProvinceByName(facility.province) ?? findProvince(facility.province)?.current;
    for (const variant of listing.variants) {
      offers.push(offerOf(variant, { product, facility, certificate, province }));
    }
  }
  return offers;
}

function offerOf(
  variant: Variant,
  ctx: {
    product: Product;
    facility: Facility;
    certificate: OfferCertificate;
    province: CurrentProvince | undefined;
  },
): Offer {
  const { product, facility, certificate, province } = ctx;
  return {
    sku: variant.sku,
    variantName: variant.name,
    packSize: variant.packSize,
    productId: product.id,
    productName: product.name,
    group: product.group,
    facilityId: facility.id,
    facilityName: facility.name,
    facilityType: facility.type,
    province: facility.province,
    provinceSlug: province?.slug,
    region: province?.region,
    phone: facility.phone,
    email: facility.email,
    address: facility.address,
    certificate,
    price: variant.price,
    wholesaleTiers: variant.wholesaleTiers,
    minOrderQuantity: variant.minOrderQuantity,
    availability: variant.availability,
    leadTimeDays: variant.leadTimeDays,
  };
}

/**
 * Days until an offer can ship: 0 for stock (unless the facility states a handling time),
 * the stated lead time for made-to-order, undefined when the facility does not sell online.
 */
export function offerLeadDays(offer: Pick<Offer, 'availability' | 'leadTimeDays'>): number | undefined {
  if (offer.availability === 'in_stock') return offer.leadTimeDays ?? 0;
  if (offer.availability === 'made_to_order') return offer.leadTimeDays;
  return undefined;
}

const cache = new WeakMap<Catalogue, { asOf: string; offers: Offer[] }>();

/** buildOffers, computed once per catalogue and day (on-demand routes call this per request). */
export function offersOf(catalogue: Catalogue, asOf: string): Offer[] {
  const hit = cache.get(catalogue);
  if (hit && hit.asOf === asOf) return hit.offers;
  const offers = buildOffers(catalogue, asOf);
  cache.set(catalogue, { asOf, offers });
  return offers;
}

/** Offers indexed by SKU, for quotes and basket exports. */
export function offersBySku(offers: readonly Offer[]): Map<string, Offer> {
  return new Map(offers.map((o) => [o.sku, o]));
}
