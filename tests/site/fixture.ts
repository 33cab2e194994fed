/** A small hand-made catalogue for the catalogue-site tests: every case the pages must handle. */
import type { Catalogue } from '~/catalogue/catalogue';
import type { Certificate, Facility, Listing, Product } from '~/catalogue/schemas';
import { catalogueOf, certificate as cert, facility, product } from '../catalogue/fixture-builders';

export const facilities: Facility[] = [
  facility('gom-bat-trang', 'Cơ sở gom-bat-trang', 'Hà Nội', {
    phone: '024 3874 0000',
    email: 'gom@example.vn',
  }),
  facility('nuoc-mam-phu-quoc', 'Cơ sở nuoc-mam-phu-quoc', 'An Giang', {
    type: 'cooperative',
    provinceAsListed: 'Kiên Giang',
  }),
  facility('co-khi-hue', 'Cơ sở co-khi-hue', 'Huế', { type: 'cooperative' }),
];

export const products: Product[] = [
  product('binh-gom', 'Bình gốm men lam', 'gom-bat-trang', 'handicraft'),
  product('am-chen', 'Ấm chén men rạn', 'gom-bat-trang', 'handicraft'),
  product('nuoc-mam', 'Nước mắm Phú Quốc', 'nuoc-mam-phu-quoc', 'food'),
  product('may-tuot-lua', 'Máy tuốt lúa', 'co-khi-hue', 'machinery'),
];

export const certificates: Certificate[] = [
  cert('qg-2023-binh-gom', 'binh-gom', 'gom-bat-trang', 'national', 2023, {
    decision: '3116/QĐ-BCT',
    score: 86,
    issuedOn: '2023-11-20',
  }),
  cert('tinh-2019-binh-gom', 'binh-gom', 'gom-bat-trang', 'province', 2019, {
    issuedBy: 'UBND thành phố Hà Nội',
  }),
  cert('kv-2022-am-chen', 'am-chen', 'gom-bat-trang', 'regional', 2022),
  cert('tinh-2021-nuoc-mam', 'nuoc-mam', 'nuoc-mam-phu-quoc', 'province', 2021, {
    provinceAsListed: 'Kiên Giang',
    revocation: { date: '2023-05-01', reason: 'Cơ sở ngừng sản xuất' },
  }),
  cert('huyen-2016-may', 'may-tuot-lua', 'co-khi-hue', 'district', 2016),
];

export const listings: Listing[] = [
  {
    id: 'binh-gom',
    productId: 'binh-gom',
    photos: [],
    variants: [
      {
        sku: 'BG-01',
        name: { vi: 'Bình gốm – cỡ nhỏ', en: 'Vase – small' },
        packSize: 'Cỡ nhỏ',
        price: 450000,
        wholesaleTiers: [{ minQuantity: 10, unitPrice: 400000 }],
        minOrderQuantity: 10,
        availability: 'in_stock',
        weightGrams: 1200,
      },
      {
        sku: 'BG-02',
        name: { vi: 'Bình gốm – cỡ lớn' },
        packSize: 'Cỡ lớn',
        price: 1250000,
        wholesaleTiers: [],
        minOrderQuantity: 1,
        availability: 'made_to_order',
        leadTimeDays: 14,
        weightGrams: 3000,
      },
    ],
  },
  {
    id: 'may-tuot-lua',
    productId: 'may-tuot-lua',
    photos: [],
    variants: [
      {
        sku: 'MTL-01',
        name: { vi: 'Máy tuốt lúa' },
        packSize: 'Chiếc',
        price: 9000000,
        wholesaleTiers: [],
        minOrderQuantity: 1,
        availability: 'not_sold_online',
        weightGrams: 80000,
      },
    ],
  },
];

export function fixtureCatalogue(): Catalogue {
  return catalogueOf({ facilities, products, certificates, listings });
}

/** The statuses in the fixture are as of this day. */
export const AS_OF = '2024-06-01';
