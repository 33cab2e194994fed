/** A small catalogue with known terms for the sourcing tests. */
import type { Catalogue } from '~/catalogue/catalogue';
import type { Certificate, Facility, Listing, Product } from '~/catalogue/schemas';
import { catalogueOf, certificate, facility, product } from '../catalogue/fixture-builders';

export const AS_OF = '2025-06-15';

export const facilities: Facility[] = [
  facility('gom-minh-long', 'Công ty TNHH Gốm Minh Long', 'Hồ Chí Minh', {
    email: 'banhang@gom.example.vn',
    phone: '0274 3668 899',
    address: 'Bình Dương cũ',
  }),
  facility('htx-nuoc-mam', 'HTX Nước mắm Cửa Khe', 'Đà Nẵng', {
    email: 'htx@nuocmam.example.vn',
    phone: '0235 3861 234',
  }),
  facility('co-khi-son-ha', 'Cơ khí Sơn Hà', 'Hà Nội', { phone: '024 3876 5432' }),
];

export const products: Product[] = [
  product('binh-gom-men-lam', 'Bình gốm men lam', 'gom-minh-long', 'handicraft'),
  product('nuoc-mam-cot', 'Nước mắm cốt nhĩ', 'htx-nuoc-mam', 'food'),
  product('dao-rua', 'Dao rựa rèn tay', 'co-khi-son-ha', 'machinery'),
  product('dao-thu-hoi', 'Dao thu hồi chứng nhận', 'co-khi-son-ha', 'machinery'),
];

export const certificates: Certificate[] = [
  certificate('qg-2023-binh-gom', 'binh-gom-men-lam', 'gom-minh-long', 'national', 2023, {
    number: '173/QG-2023',
    decision: '3116/QĐ-BCT',
  }),
  certificate('tinh-2021-binh-gom', 'binh-gom-men-lam', 'gom-minh-long', 'province', 2021),
  certificate('kv-2022-nuoc-mam', 'nuoc-mam-cot', 'htx-nuoc-mam', 'regional', 2022, { region: 'central' }),
  // Issued 2019, valid to 31 Dec 2022: expired on AS_OF.
  certificate('tinh-2019-dao', 'dao-rua', 'co-khi-son-ha', 'province', 2019),
  certificate('tinh-2023-thu-hoi', 'dao-thu-hoi', 'co-khi-son-ha', 'province', 2023, {
    revocation: { date: '2024-05-01', reason: 'Cơ sở ngừng sản xuất' },
  }),
];

export const listings: Listing[] = [
  {
    id: 'binh-gom-men-lam',
    productId: 'binh-gom-men-lam',
    photos: [],
    variants: [
      {
        sku: 'GOM-BINH-30',
        name: { vi: 'Bình cao 30 cm', en: 'Vase, 30 cm' },
        packSize: 'Hộp 1 bình',
        price: 450_000,
        wholesaleTiers: [
          { minQuantity: 50, unitPrice: 400_000 },
          { minQuantity: 200, unitPrice: 360_000 },
        ],
        minOrderQuantity: 20,
        availability: 'made_to_order',
        leadTimeDays: 30,
        weightGrams: 2500,
      },
    ],
  },
  {
    id: 'nuoc-mam-cot',
    productId: 'nuoc-mam-cot',
    photos: [],
    variants: [
      {
        sku: 'NM-CK-500',
        name: { vi: 'Chai 500 ml' },
        packSize: 'Chai 500 ml',
        price: 125_000,
        wholesaleTiers: [{ minQuantity: 100, unitPrice: 98_000 }],
        minOrderQuantity: 48,
        availability: 'in_stock',
        weightGrams: 800,
      },
      {
        sku: 'NM-CK-5L',
        name: { vi: 'Can 5 lít', en: 'Can, 5 litres' },
        packSize: 'Can 5 lít',
        price: 900_000,
        wholesaleTiers: [],
        minOrderQuantity: 10,
        availability: 'in_stock',
        leadTimeDays: 2,
        weightGrams: 5500,
      },
    ],
  },
  {
    id: 'dao-rua',
    productId: 'dao-rua',
    photos: [],
    variants: [
      {
        sku: 'DAO-RUA-01',
        name: { vi: 'Dao rựa 40 cm' },
        packSize: 'Cái',
        price: 180_000,
        wholesaleTiers: [{ minQuantity: 100, unitPrice: 150_000 }],
        minOrderQuantity: 100,
        availability: 'not_sold_online',
        weightGrams: 700,
      },
    ],
  },
  {
    id: 'dao-thu-hoi',
    productId: 'dao-thu-hoi',
    photos: [],
    variants: [
      {
        sku: 'DAO-THU-HOI',
        name: { vi: 'Dao' },
        packSize: 'Cái',
        price: 100_000,
        wholesaleTiers: [],
        minOrderQuantity: 1,
        availability: 'in_stock',
        weightGrams: 500,
      },
    ],
  },
];

export function fixtureCatalogue(): Catalogue {
  return catalogueOf({ facilities, products, certificates, listings });
}
