import { describe, expect, it } from 'vitest';
import {
  certificateSchema,
  datasetSchema,
  facilitySchema,
  listingSchema,
  productSchema,
  variantSchema,
} from '~/catalogue/schemas';

const facility = {
  id: 'gom-su-bat-trang-ha-noi',
  name: 'Hợp tác xã Gốm sứ Bát Tràng',
  type: 'cooperative',
  province: 'Hà Nội',
  provinceAsListed: 'Hà Nội',
  phone: '0912 345 678',
  email: 'lienhe@gomsu.vn',
};
const product = {
  id: 'binh-gom-men-lam',
  name: 'Bình gốm men lam',
  group: 'handicraft',
  facilityId: facility.id,
};
const certificate = {
  id: 'qg2023-001',
  productId: product.id,
  facilityId: facility.id,
  number: 'QG2023-001',
  decision: '3116/QĐ-BCT',
  level: 'national',
  year: 2023,
  issuedBy: 'Bộ Công Thương',
  issuedOn: '2023-11-15',
  validUntil: '2026-12-31',
  score: 88,
  provinceAsListed: 'Hà Nội',
};
const variant = {
  sku: 'BGML-0001-1',
  name: { vi: 'Bình gốm – cỡ nhỏ' },
  packSize: 'Chiếc cỡ nhỏ',
  price: 250000,
  wholesaleTiers: [
    { minQuantity: 10, unitPrice: 230000 },
    { minQuantity: 50, unitPrice: 210000 },
  ],
  minOrderQuantity: 10,
  availability: 'in_stock',
  weightGrams: 900,
};

describe('schemas accept good records', () => {
  it('facility, product (with defaults), certificate, listing, dataset', () => {
    expect(facilitySchema.parse(facility).photos).toEqual([]);
    const p = productSchema.parse(product);
    expect(p.isSet).toBe(false);
    expect(p.photos).toEqual([]);
    expect(certificateSchema.parse(certificate).level).toBe('national');
    expect(certificateSchema.safeParse({ ...certificate, level: 'regional', region: 'south' }).success).toBe(
      true,
    );
    expect(
      listingSchema.parse({ id: product.id, productId: product.id, variants: [variant] }).variants,
    ).toHaveLength(1);
    expect(
      variantSchema.safeParse({ ...variant, availability: 'made_to_order', leadTimeDays: 14 }).success,
    ).toBe(true);
    expect(
      datasetSchema.safeParse({ id: 'dataset', sample: true, generatedBy: 'npm run sample', seed: 1 })
        .success,
    ).toBe(true);
  });
});

describe('schemas reject bad records', () => {
  const bad: [string, () => boolean][] = [
    ['id with capitals', () => facilitySchema.safeParse({ ...facility, id: 'Gom-Su' }).success],
    ['id with diacritics', () => facilitySchema.safeParse({ ...facility, id: 'gốm' }).success],
    ['unknown facility type', () => facilitySchema.safeParse({ ...facility, type: 'ngo' }).success],
    ['bad phone', () => facilitySchema.safeParse({ ...facility, phone: 'call us' }).success],
    ['bad e-mail', () => facilitySchema.safeParse({ ...facility, email: 'not-an-email' }).success],
    ['unknown group', () => productSchema.safeParse({ ...product, group: 'toys' }).success],
    ['year before 2012', () => certificateSchema.safeParse({ ...certificate, year: 2011 }).success],
    ['score over 100', () => certificateSchema.safeParse({ ...certificate, score: 101 }).success],
    [
      'impossible date',
      () => certificateSchema.safeParse({ ...certificate, issuedOn: '2023-02-30' }).success,
    ],
    [
      'date as dd/mm/yyyy',
      () => certificateSchema.safeParse({ ...certificate, validUntil: '31/12/2026' }).success,
    ],
    [
      'regional without region',
      () => certificateSchema.safeParse({ ...certificate, level: 'regional' }).success,
    ],
    ['unknown level', () => certificateSchema.safeParse({ ...certificate, level: 'global' }).success],
    ['fractional price', () => variantSchema.safeParse({ ...variant, price: 250000.5 }).success],
    ['lower-case SKU', () => variantSchema.safeParse({ ...variant, sku: 'bgml-1' }).success],
    [
      'made to order without lead time',
      () => variantSchema.safeParse({ ...variant, availability: 'made_to_order' }).success,
    ],
    [
      'unsorted tiers',
      () =>
        variantSchema.safeParse({ ...variant, wholesaleTiers: [...variant.wholesaleTiers].reverse() })
          .success,
    ],
    [
      'listing without variants',
      () => listingSchema.safeParse({ id: 'x', productId: 'x', variants: [] }).success,
    ],
    ['dataset with another id', () => datasetSchema.safeParse({ id: 'data', sample: true }).success],
  ];
  it.each(bad)('%s', (_name, check) => {
    expect(check()).toBe(false);
  });
});
