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
    certificates: [],
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
