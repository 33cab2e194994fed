/** A small register covering every status, for the verification tests. */
import { generateKeyPairSync } from 'node:crypto';
import { Catalogue, type CatalogueData } from '~/catalogue/catalogue';
import type { Certificate } from '~/catalogue/schemas';
import { createKeyring } from '~/verification/keyring';

export const AS_OF = '2025-06-15';

export function certificate(over: Partial<Certificate> & Pick<Certificate, 'id'>): Certificate {
  return {
    productId: 'nuoc-mam-phu-quoc',
    facilityId: 'nuoc-mam-hung-thanh',
    level: 'province',
    year: 2022,
    issuedBy: 'UBND tỉnh Kiên Giang',
    issuedOn: '2022-09-01',
    validUntil: '2025-12-31',
    provinceAsListed: 'Kiên Giang',
    ...over,
  };
}

export function sampleData(): CatalogueData {
  return {
    dataset: { id: 'dataset', sample: true },
    facilities: [
      {
        id: 'nuoc-mam-hung-thanh',
        name: 'Công ty TNHH Nước mắm Hưng Thạnh',
        type: 'company',
        address: 'Dương Đông, Phú Quốc',
        province: 'An Giang',
        provinceAsListed: 'Kiên Giang',
        photos: [],
      },
      {
        id: 'gom-bat-trang',
        name: 'HTX Gốm Bát Tràng',
        type: 'cooperative',
        province: 'Hà Nội',
        provinceAsListed: 'Hà Nội',
        photos: [],
      },
    ],
    products: [
      {
        id: 'nuoc-mam-phu-quoc',
        name: 'Nước mắm Phú Quốc 40 độ đạm',
        group: 'food',
        facilityId: 'nuoc-mam-hung-thanh',
        isSet: false,
        photos: [],
      },
      {
        id: 'binh-gom-men-lam',
        name: 'Bình gốm men lam',
        group: 'handicraft',
        facilityId: 'gom-bat-trang',
        isSet: false,
        photos: [],
      },
      {
        id: 'bo-am-chen',
        name: 'Bộ ấm chén men rạn',
        group: 'handicraft',
        facilityId: 'gom-bat-trang',
        isSet: true,
        photos: [],
      },
    ],
    certificates: [
      // Fish sauce: province 2022, superseded by national 2023.
      certificate({ id: 'tinh-2022-nmpq', number: 'Số 45/QĐ-UBND' }),
      certificate({
        id: 'qg-2023-nmpq',
        number: '173/GCN-BCT',
        decision: '3116/QĐ-BCT',
        level: 'national',
        year: 2023,
        issuedBy: 'Bộ Công Thương',
        issuedOn: '2023-11-20',
        validUntil: '2026-12-31',
      }),
      // Vase: valid regional certificate.
      certificate({
        id: 'kv-2024-binh-gom',
        number: '88/GCN-KV',
        productId: 'binh-gom-men-lam',
        facilityId: 'gom-bat-trang',
        level: 'regional',
        region: 'north',
        year: 2024,
        issuedBy: 'Bộ Công Thương',
        issuedOn: '2024-10-01',
        validUntil: '2027-12-31',
        provinceAsListed: 'Hà Nội',
      }),
      // Tea set: an expired province certificate and a revoked newer one (which therefore
      // supersedes nothing).
      certificate({
        id: 'tinh-2018-am-chen',
        number: '12/GCN',
        productId: 'bo-am-chen',
        facilityId: 'gom-bat-trang',
        year: 2018,
        issuedBy: 'UBND thành phố Hà Nội',
        issuedOn: '2018-08-01',
        validUntil: '2021-12-31',
        provinceAsListed: 'Hà Nội',
      }),
      certificate({
        id: 'tinh-2022-am-chen',
        number: '12/GCN',
        productId: 'bo-am-chen',
        facilityId: 'gom-bat-trang',
        year: 2022,
        issuedBy: 'UBND thành phố Hà Nội',
        issuedOn: '2022-08-01',
        validUntil: '2025-12-31',
        provinceAsListed: 'Hà Nội',
        revocation: {
          date: '2024-03-01',
          reason: 'Sản phẩm không còn đáp ứng tiêu chí',
          decision: '99/QĐ-UBND',
        },
      }),
    ],
    listings: [],
  };
}

export function sampleCatalogue(): Catalogue {
  return new Catalogue(sampleData());
}

export function testKeyring(kid = 'test-1') {
  const { privateKey } = generateKeyPairSync('ed25519');
  return createKeyring([{ kid, privateKey }]);
}
