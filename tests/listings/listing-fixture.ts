/**
 * The verification fixture's registry with one listing (facility A's fish sauce), shared by the
 * listings and facility API tests.
 */
import { Catalogue, type CatalogueData } from '~/catalogue/catalogue';
import type { ListingBody } from '~/listings';
import type { ListingTarget } from '~/listings/listing-store';
import { sampleData } from '../verification/fixtures';

export const FACILITY_A = 'nuoc-mam-hung-thanh';
export const FACILITY_B = 'gom-bat-trang';
export const PRODUCT_A = 'nuoc-mam-phu-quoc';
export const PRODUCT_B = 'binh-gom-men-lam';

export function catalogueData(): CatalogueData {
  const data = sampleData();
  data.listings = [
    {
      id: PRODUCT_A,
      productId: PRODUCT_A,
      description: { vi: 'Nước mắm cá cơm', en: 'Anchovy fish sauce' },
      photos: [],
      variants: [
        {
          sku: 'NMPQ-500',
          name: { vi: 'Chai 500 ml' },
          packSize: 'Chai 500 ml',
          price: 125_000,
          wholesaleTiers: [{ minQuantity: 24, unitPrice: 110_000 }],
          minOrderQuantity: 1,
          availability: 'in_stock',
          weightGrams: 700,
          stock: 40,
        },
      ],
    },
  ];
  return data;
}

export const fixtureCatalogue = () => new Catalogue(catalogueData());

/** A valid listing body for facility A's product, with the price given. */
export function bodyA(price = 139_000, stock: number | undefined = 30): ListingBody {
  return {
    description: { vi: 'Nước mắm cá cơm, ủ chượp 12 tháng' },
    variants: [
      {
        sku: 'NMPQ-500',
        name: { vi: 'Chai 500 ml', en: '500 ml bottle' },
        packSize: 'Chai 500 ml',
        price,
        wholesaleTiers: [{ minQuantity: 24, unitPrice: 120_000 }],
        minOrderQuantity: 1,
        availability: 'in_stock',
        weightGrams: 700,
        ...(stock === undefined ? {} : { stock }),
      },
    ],
  };
}

/** The store's target for a product of the fixture catalogue. */
export function targetOf(catalogue: Catalogue, productId: string): ListingTarget {
  const product = catalogue.productById.get(productId)!;
  const file = catalogue.listingByProduct.get(productId);
  return {
    productId,
    facilityId: product.facilityId,
    fileListing: file
      ? { ...(file.description ? { description: file.description } : {}), variants: file.variants }
      : null,
    skuOwner: (sku) => catalogue.variantBySku.get(sku)?.product.id,
  };
}
