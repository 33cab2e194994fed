/** A small registry for the portal's tests: facilities A, B and C; A has a listing, B none. */
import { Catalogue, type Certificate, type Facility, type Listing, type Product } from '~/catalogue';
import type { PortalPrincipal } from '~/portal/portal-page';

const facility = (id: string, name: string, extra: Partial<Facility> = {}): Facility => ({
  id,
  name,
  type: 'cooperative',
  province: 'Lào Cai',
  provinceAsListed: 'Lào Cai',
  photos: [],
  ...extra,
});
const product = (id: string, facilityId: string, name: string): Product => ({
  id,
  name,
  group: 'food',
  facilityId,
  isSet: false,
  photos: [],
});
const certificate = (id: string, productId: string, facilityId: string, extra: Partial<Certificate> = {}) =>
  ({
    id,
    productId,
    facilityId,
    number: id.toUpperCase(),
    level: 'province',
    year: 2024,
    issuedBy: 'UBND tỉnh Lào Cai',
    validUntil: '2027-12-31',
    provinceAsListed: 'Lào Cai',
    ...extra,
  }) as Certificate;
const listing: Listing = {
  id: 'che-a',
  productId: 'che-a',
  photos: ['photos/che-a.webp'],
  variants: [
    {
      sku: 'CHE-A-1',
      name: { vi: 'Chè A – Hộp 200 g', en: 'Tea A – 200 g box' },
      packSize: 'Hộp 200 g',
      price: 261000,
      wholesaleTiers: [{ minQuantity: 20, unitPrice: 240000 }],
      minOrderQuantity: 20,
      availability: 'in_stock',
      weightGrams: 1250,
      stock: 1500,
    },
    {
      sku: 'CHE-A-2',
      name: { vi: 'Chè A – Túi 1 kg' },
      packSize: 'Túi 1 kg',
      price: 900000,
      wholesaleTiers: [],
      minOrderQuantity: 1,
      availability: 'made_to_order',
      leadTimeDays: 10,
      weightGrams: 1100,
    },
  ],
};

export const catalogue = new Catalogue({
  dataset: { id: 'dataset', sample: true },
  facilities: [
    facility('co-so-a', 'HTX Chè Bản Khoang', {
      province: 'Lào Cai',
      provinceAsListed: 'Yên Bái',
      address: 'Thôn 1, xã Bản Khoang',
      phone: '0214 3888 999',
    }),
    facility('co-so-b', 'Công ty Gốm B'),
    facility('co-so-c', 'An Phát'),
  ],
  products: [
    product('che-a', 'co-so-a', 'Chè A'),
    product('mat-ong-a', 'co-so-a', 'Bánh A'),
    product('gom-b', 'co-so-b', 'Bình gốm B'),
  ],
  certificates: [
    certificate('cn-a-2021', 'che-a', 'co-so-a', { year: 2021, validUntil: '2024-12-31' }),
    certificate('cn-a-2024', 'che-a', 'co-so-a', { level: 'national', year: 2024 }),
    certificate('cn-mat-ong', 'mat-ong-a', 'co-so-a', {
      revocation: { date: '2025-03-01', reason: 'Sai nhãn hàng hóa' },
    }),
    certificate('cn-b', 'gom-b', 'co-so-b'),
  ],
  listings: [listing],
});

/** A signed-in person of the portal's tests: e-mail `{userId}@example.vn`, TOTP for staff only. */
export const portalPerson = (
  userId: string,
  role: PortalPrincipal['role'],
  ...facilityIds: string[]
): PortalPrincipal => ({
  kind: 'account',
  userId,
  email: `${userId}@example.vn`,
  role,
  twoFactorEnabled: role !== 'facility',
  facilityIds,
});
