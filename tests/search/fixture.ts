/**
 * A small, fixed catalogue for the search contract and relevance tests, independent of the
 * generated sample. Written to catch Vietnamese pitfalls: nước mắm vs mắm tôm, trà vs cá tra
 * vs the place Trà Bồng, mì/mỳ vs mỹ nghệ, an expired national certificate beside a valid
 * regional one, Title Case names, products without a listing.
 * Everything goes through the real zod schemas, so the fixture is valid catalogue data.
 */
import { Catalogue } from '~/catalogue/catalogue';
import type { Level, ProductGroup, Region } from '~/catalogue/programme';
import {
  type Certificate,
  certificateSchema,
  type Facility,
  facilitySchema,
  type Listing,
  listingSchema,
  type Product,
  productSchema,
} from '~/catalogue/schemas';
import { buildSearchDocuments, type SearchDocument } from '~/search/documents';

/** Statuses are computed as of this date (certificates of 2021 and 2022 have expired). */
export const FIXTURE_DATE = '2026-06-01';

const facilities: Facility[] = [];
const products: Product[] = [];
const certificates: Certificate[] = [];
const listings: Listing[] = [];

function facility(
  id: string,
  name: string,
  province: string,
  provinceAsListed = province,
  address?: string,
): string {
  facilities.push(
    facilitySchema.parse({
      id,
      name,
      type: 'company',
      province,
      provinceAsListed,
      ...(address ? { address } : {}),
    }),
  );
  return id;
}

interface Cert {
  level: Level;
  year: number;
  number?: string;
  decision?: string;
  region?: Region;
  revokedOn?: string;
}

interface ProductSpec {
  id: string;
  name: string;
  group: ProductGroup;
  facilityId: string;
  certs: Cert[];
  /** Retail prices of the variants (VND); no listing when absent. */
  prices?: number[];
  availability?: 'in_stock' | 'made_to_order' | 'not_sold_online';
  description?: string;
  isSet?: boolean;
}

function product(spec: ProductSpec): void {
  products.push(
    productSchema.parse({
      id: spec.id,
      name: spec.name,
      group: spec.group,
      facilityId: spec.facilityId,
      isSet: spec.isSet ?? false,
      ...(spec.description ? { description: { vi: spec.description } } : {}),
    }),
  );
  const facilityRecord = facilities.find((f) => f.id === spec.facilityId)!;
  spec.certs.forEach((c, i) => {
    certificates.push(
      certificateSchema.parse({
        id: `${spec.id}-c${i + 1}`,
        productId: spec.id,
        facilityId: spec.facilityId,
        ...(c.number ? { number: c.number } : {}),
        ...(c.decision ? { decision: c.decision } : {}),
        level: c.level,
        ...(c.region ? { region: c.region } : {}),
        year: c.year,
        issuedBy: c.level === 'national' ? 'Bộ Công Thương' : 'Sở Công Thương',
        issuedOn: `${c.year}-10-15`,
        validUntil: `${c.year + 3}-12-31`,
        provinceAsListed: facilityRecord.provinceAsListed,
        ...(c.revokedOn
          ? { revocation: { date: c.revokedOn, reason: 'Cơ sở ngừng sản xuất sản phẩm' } }
          : {}),
      }),
    );
  });
  if (spec.prices) {
    listings.push(
      listingSchema.parse({
        id: spec.id,
        productId: spec.id,
        variants: spec.prices.map((price, i) => ({
          sku: `${spec.id.toUpperCase().slice(0, 30)}-${i + 1}`,
          name: { vi: `Loại ${i + 1}` },
          packSize: `Gói ${i + 1}`,
          price,
          availability: spec.availability ?? 'in_stock',
          ...(spec.availability === 'made_to_order' ? { leadTimeDays: 14 } : {}),
          weightGrams: 500,
        })),
      }),
    );
  }
}

const hungThanh = facility(
  'nuoc-mam-hung-thanh',
  'Công ty TNHH Nước mắm Hưng Thành',
  'An Giang',
  'Kiên Giang',
  'Dương Đông, Phú Quốc',
);
const khaiHoan = facility(
  'nuoc-mam-khai-hoan',
  'Hộ kinh doanh Nước mắm Khải Hoàn',
  'An Giang',
  'Kiên Giang',
  'An Thới, Phú Quốc',
);
const catHai = facility('htx-nuoc-mam-cat-hai', 'HTX Nước mắm Cát Hải', 'Hải Phòng');
const hongPhuc = facility(
  'nuoc-mam-hong-phuc',
  'Công ty TNHH Nước mắm Phan Thiết Hồng Phúc',
  'Lâm Đồng',
  'Bình Thuận',
);
const minhHai = facility(
  'gom-su-minh-hai',
  'Công ty TNHH Gốm sứ Minh Hải',
  'Hà Nội',
  'Hà Nội',
  'Bát Tràng, Gia Lâm',
);
const quangVinh = facility(
  'gom-quang-vinh',
  'Hộ kinh doanh Gốm Quang Vinh',
  'Hà Nội',
  'Hà Nội',
  'Bát Tràng, Gia Lâm',
);
const chuDau = facility('gom-chu-dau', 'Công ty CP Gốm Chu Đậu', 'Hải Phòng', 'Hải Dương');
const dongGiao = facility('my-nghe-dong-giao', 'Công ty TNHH Mỹ nghệ Đông Giao', 'Hải Phòng', 'Hải Dương');
const vanPhuc = facility('htx-lua-van-phuc', 'HTX Lụa Vạn Phúc', 'Hà Nội', 'Hà Tây', 'Vạn Phúc, Hà Đông');
const baoLoc = facility('to-lua-bao-loc', 'Công ty CP Tơ lụa Bảo Lộc', 'Lâm Đồng');
const tanCuong = facility('htx-che-tan-cuong', 'HTX Chè Tân Cương', 'Thái Nguyên');
const suoiGiang = facility('htx-tra-suoi-giang', 'HTX Trà Shan tuyết Suối Giàng', 'Lào Cai', 'Yên Bái');
const tayHo = facility('tra-sen-tay-ho', 'Hộ kinh doanh Trà sen Tây Hồ', 'Hà Nội');
const hungVuong = facility('thuy-san-hung-vuong', 'Công ty CP Thủy sản Hùng Vương', 'Đồng Tháp');
const miChu = facility('mi-chu-bac-giang', 'Công ty TNHH Mì Chũ Bắc Giang', 'Bắc Ninh', 'Bắc Giang');
const phuChiem = facility('my-quang-phu-chiem', 'Hộ kinh doanh Mỳ Quảng Phú Chiêm', 'Đà Nẵng', 'Quảng Nam');
const daSy = facility('co-khi-da-sy', 'Công ty TNHH Cơ khí Đa Sỹ', 'Hà Nội', 'Hà Tây');
const phuVinh = facility('htx-may-tre-phu-vinh', 'HTX Mây tre đan Phú Vinh', 'Hà Nội', 'Hà Tây');
const bmt = facility('ca-phe-buon-ma-thuot', 'Công ty TNHH Cà phê Buôn Ma Thuột', 'Đắk Lắk');
const meoVac = facility('htx-mat-ong-meo-vac', 'HTX Mật ong Bạc hà Mèo Vạc', 'Tuyên Quang', 'Hà Giang');
const chuong = facility('non-la-chuong', 'Hộ kinh doanh Nón lá Chuông', 'Hà Nội', 'Hà Tây');
const traBong = facility('tinh-dau-tra-bong', 'Công ty TNHH Tinh dầu Trà Bồng', 'Quảng Ngãi');

product({
  id: 'nuoc-mam-phu-quoc-40-do-dam',
  name: 'Nước mắm Phú Quốc 40 độ đạm',
  group: 'food',
  facilityId: hungThanh,
  certs: [{ level: 'national', year: 2023, number: 'QG-2023-045', decision: '1234/QĐ-BCT' }],
  prices: [120_000, 210_000],
});
product({
  id: 'nuoc-mam-cot-nhi-phu-quoc',
  name: 'Nước Mắm Cốt Nhĩ Phú Quốc',
  group: 'food',
  facilityId: khaiHoan,
  certs: [{ level: 'regional', region: 'south', year: 2024, number: 'KV3-2024-017' }],
  prices: [95_000],
});
product({
  id: 'nuoc-mam-cat-hai',
  name: 'Nước mắm Cát Hải',
  group: 'food',
  facilityId: catHai,
  certs: [
    { level: 'province', year: 2021, number: 'HP-2021-008' },
    { level: 'province', year: 2024, number: 'HP-2024-011' },
  ],
  prices: [65_000],
});
product({
  id: 'nuoc-mam-nhi-phan-thiet',
  name: 'Nước mắm nhĩ Phan Thiết',
  group: 'food',
  facilityId: hongPhuc,
  certs: [{ level: 'district', year: 2019, number: 'PT-2019-002' }],
});
product({
  id: 'mam-tom-cat-hai',
  name: 'Mắm tôm Cát Hải',
  group: 'food',
  facilityId: catHai,
  certs: [{ level: 'province', year: 2024, number: 'HP-2024-012' }],
  prices: [45_000],
});
product({
  id: 'binh-gom-men-lam-bat-trang',
  name: 'Bình gốm men lam Bát Tràng',
  group: 'handicraft',
  facilityId: minhHai,
  certs: [{ level: 'national', year: 2023, number: 'QG-2023-101', decision: '1234/QĐ-BCT' }],
  prices: [850_000],
  availability: 'made_to_order',
});
product({
  id: 'bo-am-chen-bat-trang',
  name: 'Bộ ấm chén gốm Bát Tràng',
  group: 'handicraft',
  facilityId: quangVinh,
  isSet: true,
  certs: [{ level: 'province', year: 2024, number: 'HN-2024-0031' }],
  prices: [450_000, 620_000],
});
product({
  id: 'gom-chu-dau-ve-tay',
  name: 'Gốm Chu Đậu vẽ tay',
  group: 'handicraft',
  facilityId: chuDau,
  certs: [{ level: 'regional', region: 'north', year: 2024, number: 'KV1-2024-040' }],
  prices: [1_200_000],
  availability: 'made_to_order',
});
product({
  id: 'tuong-go-my-nghe-dong-giao',
  name: 'Tượng gỗ mỹ nghệ Đông Giao',
  group: 'handicraft',
  facilityId: dongGiao,
  certs: [{ level: 'province', year: 2023, number: 'HD-2023-019' }],
  prices: [2_500_000],
  availability: 'made_to_order',
});
product({
  id: 'khan-lua-to-tam-van-phuc',
  name: 'Khăn lụa tơ tằm Vạn Phúc',
  group: 'handicraft',
  facilityId: vanPhuc,
  certs: [
    { level: 'national', year: 2021, number: 'QG-2021-077' },
    { level: 'regional', region: 'north', year: 2024, number: 'KV1-2024-052' },
  ],
  prices: [350_000],
});
product({
  id: 'ao-dai-lua-van-phuc',
  name: 'Áo dài lụa Vạn Phúc',
  group: 'handicraft',
  facilityId: vanPhuc,
  certs: [{ level: 'province', year: 2023, number: 'HN-2023-0107' }],
  prices: [3_200_000],
  availability: 'made_to_order',
});
product({
  id: 'lua-to-tam-bao-loc',
  name: 'Lụa tơ tằm Bảo Lộc',
  group: 'handicraft',
  facilityId: baoLoc,
  certs: [{ level: 'province', year: 2024, number: 'LD-2024-005' }],
  prices: [480_000],
});
product({
  id: 'che-tan-cuong-thai-nguyen',
  name: 'Chè Tân Cương Thái Nguyên',
  group: 'food',
  facilityId: tanCuong,
  certs: [{ level: 'national', year: 2023, number: 'QG-2023-130', decision: '1234/QĐ-BCT' }],
  prices: [180_000, 350_000],
});
product({
  id: 'che-moc-cau-dac-biet',
  name: 'Chè móc câu đặc biệt',
  group: 'food',
  facilityId: tanCuong,
  certs: [{ level: 'province', year: 2024, number: 'TN-2024-014' }],
  prices: [250_000],
});
product({
  id: 'tra-shan-tuyet-suoi-giang',
  name: 'Trà Shan tuyết cổ thụ Suối Giàng',
  group: 'food',
  facilityId: suoiGiang,
  certs: [{ level: 'regional', region: 'north', year: 2024, number: 'KV1-2024-061' }],
  prices: [420_000],
});
product({
  id: 'tra-sen-tay-ho',
  name: 'Trà sen Tây Hồ',
  group: 'food',
  facilityId: tayHo,
  certs: [{ level: 'province', year: 2024, number: 'HN-2024-0088' }],
  prices: [600_000],
});
product({
  id: 'ca-tra-phi-le',
  name: 'Cá tra phi lê đông lạnh',
  group: 'food',
  facilityId: hungVuong,
  certs: [{ level: 'province', year: 2024, number: 'DT-2024-021' }],
  prices: [150_000],
});
product({
  id: 'mi-chu-bac-giang',
  name: 'Mì Chũ Bắc Giang',
  group: 'food',
  facilityId: miChu,
  certs: [{ level: 'regional', region: 'north', year: 2022, number: 'KV1-2022-033' }],
  prices: [40_000],
});
product({
  id: 'my-quang-phu-chiem',
  name: 'Mỳ Quảng Phú Chiêm',
  group: 'food',
  facilityId: phuChiem,
  certs: [{ level: 'province', year: 2024, number: 'QN-2024-009' }],
  prices: [35_000],
});
product({
  id: 'dao-keo-da-sy',
  name: 'Dao kéo Đa Sỹ',
  group: 'machinery',
  facilityId: daSy,
  certs: [{ level: 'province', year: 2023, number: 'HN-2023-0140' }],
  prices: [180_000],
});
product({
  id: 'may-xay-xat-gao-mini',
  name: 'Máy xay xát gạo mini',
  group: 'machinery',
  facilityId: daSy,
  certs: [{ level: 'regional', region: 'north', year: 2024, number: 'KV1-2024-090' }],
});
product({
  id: 'gio-may-tre-dan',
  name: 'Giỏ mây tre đan Phú Vinh',
  group: 'handicraft',
  facilityId: phuVinh,
  certs: [{ level: 'national', year: 2024, number: 'QG-2024-015' }],
  prices: [220_000],
});
product({
  id: 'lang-hoa-may-tre',
  name: 'Lẵng hoa mây tre',
  group: 'handicraft',
  facilityId: phuVinh,
  certs: [{ level: 'province', year: 2023, number: 'HN-2023-0150', revokedOn: '2025-03-01' }],
});
product({
  id: 'ca-phe-rang-xay-buon-ma-thuot',
  name: 'Cà phê rang xay Buôn Ma Thuột',
  group: 'food',
  facilityId: bmt,
  certs: [{ level: 'national', year: 2023, number: 'QG-2023-152', decision: '1234/QĐ-BCT' }],
  prices: [150_000],
});
product({
  id: 'mat-ong-bac-ha-meo-vac',
  name: 'Mật ong bạc hà Mèo Vạc',
  group: 'food',
  facilityId: meoVac,
  certs: [{ level: 'province', year: 2024, number: 'HG-2024-003' }],
  prices: [300_000],
});
product({
  id: 'non-la-chuong',
  name: 'Nón lá Chuông',
  group: 'handicraft',
  facilityId: chuong,
  certs: [{ level: 'province', year: 2024, number: 'HN-2024-0120' }],
  prices: [90_000],
});
product({
  id: 'tinh-dau-que-tra-bong',
  name: 'Tinh dầu quế Trà Bồng',
  group: 'other',
  facilityId: traBong,
  certs: [{ level: 'province', year: 2024, number: 'QNg-2024-007' }],
  prices: [160_000],
  description: 'Tinh dầu quế chưng cất từ vỏ quế Trà Bồng.',
});

export const fixtureCatalogue = new Catalogue({
  dataset: { id: 'dataset', sample: true },
  facilities,
  products,
  certificates,
  listings,
});

export const fixtureDocuments: SearchDocument[] = buildSearchDocuments(fixtureCatalogue, FIXTURE_DATE);

export const FIXTURE_PRODUCT_COUNT = products.length;
