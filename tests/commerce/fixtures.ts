/** A small catalogue for commerce tests: two facilities, listings covering every availability. */
import { Catalogue } from '~/catalogue/catalogue';
import type { Listing, Variant } from '~/catalogue/schemas';
import { type OrderRequest, orderRequestSchema } from '~/commerce/orders/order-input';

const variant = (v: Partial<Variant> & Pick<Variant, 'sku' | 'price' | 'availability'>): Variant => ({
  name: { vi: `Loại ${v.sku}`, en: `Kind ${v.sku}` },
  packSize: 'Hộp 500 g',
  wholesaleTiers: [],
  minOrderQuantity: 1,
  weightGrams: 500,
  ...v,
});

const listings: Listing[] = [
  {
    id: 'nuoc-mam-listing',
    productId: 'nuoc-mam-phu-quoc',
    photos: [],
    variants: [
      variant({
        sku: 'NM-500',
        price: 125_000,
        availability: 'in_stock',
        stock: 10,
        wholesaleTiers: [
          { minQuantity: 20, unitPrice: 110_000 },
          { minQuantity: 100, unitPrice: 95_000 },
        ],
      }),
      variant({ sku: 'NM-1000', price: 230_000, availability: 'in_stock' }),
      variant({ sku: 'NM-GIFT', price: 900_000, availability: 'not_sold_online' }),
    ],
  },
  {
    id: 'gom-listing',
    productId: 'gom-bat-trang',
    photos: [],
    variants: [
      variant({ sku: 'GOM-BINH', price: 450_000, availability: 'made_to_order', leadTimeDays: 14 }),
      variant({ sku: 'GOM-CHEN', price: 60_000, availability: 'in_stock', stock: 3 }),
    ],
  },
];

/** One valid certificate per product: products are sold only while one is not revoked. */
export const FIXTURE_CERTIFICATES = [
  {
    id: 'cn-nuoc-mam-2024',
    productId: 'nuoc-mam-phu-quoc',
    facilityId: 'co-so-nuoc-mam',
    level: 'province' as const,
    year: 2024,
    issuedBy: 'UBND tỉnh Kiên Giang',
    validUntil: '2099-12-31',
    provinceAsListed: 'Kiên Giang',
  },
  {
    id: 'cn-gom-2023',
    productId: 'gom-bat-trang',
    facilityId: 'htx-gom',
    level: 'province' as const,
    year: 2023,
    issuedBy: 'UBND thành phố Hà Nội',
    validUntil: '2099-12-31',
    provinceAsListed: 'Hà Nội',
  },
];

/** A bank account as configured with BANK_* (not the development sample). */
export const TEST_BANK_ACCOUNT = {
  bankBin: '970436',
  accountNumber: '0011004299999',
  accountName: 'CHO CNNT',
  sample: false,
};

export function fixtureCatalogue(): Catalogue {
  return new Catalogue({
    dataset: { id: 'dataset', sample: true },
    facilities: [
      {
        id: 'co-so-nuoc-mam',
        name: 'Cơ sở Nước mắm Hồng Hạnh',
        type: 'household',
        province: 'An Giang',
        provinceAsListed: 'Kiên Giang',
        email: 'nuocmam@example.vn',
        photos: [],
      },
      {
        id: 'htx-gom',
        name: 'HTX Gốm Bát Tràng',
        type: 'cooperative',
        province: 'Hà Nội',
        provinceAsListed: 'Hà Nội',
        email: 'gom@example.vn',
        photos: [],
      },
    ],
    products: [
      {
        id: 'nuoc-mam-phu-quoc',
        name: 'Nước mắm Phú Quốc',
        group: 'food',
        facilityId: 'co-so-nuoc-mam',
        isSet: false,
        photos: [],
      },
      {
        id: 'gom-bat-trang',
        name: 'Bình gốm men lam',
        group: 'handicraft',
        facilityId: 'htx-gom',
        isSet: false,
        photos: [],
      },
    ],
    certificates: FIXTURE_CERTIFICATES,
    listings,
  });
}

export const SHIPPING = { flatFee: 30_000, freeFrom: 500_000 };

/** A valid request, parsed as the API would (phone and province normalised). */
export function orderRequest(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return orderRequestSchema.parse({
    items: [
      { sku: 'NM-500', quantity: 2 },
      { sku: 'GOM-CHEN', quantity: 1 },
    ],
    buyer: {
      name: 'Nguyễn Thị Lan',
      phone: '0912345678',
      email: 'lan@example.vn',
      address: '12 Lê Lợi, phường Bến Nghé',
      province: 'Thành phố Hồ Chí Minh',
    },
    paymentMethod: 'cod',
    locale: 'vi',
    ...overrides,
  });
}
