/** The programme's fixed vocabularies (docs/programme.md). */

export const LEVELS = ['commune', 'district', 'province', 'regional', 'national'] as const;
export type Level = (typeof LEVELS)[number];

/** Higher rank = higher certification level; district and commune are the same tier (renamed on 1 Jul 2025). */
export const LEVEL_RANK: Record<Level, number> = {
  commune: 1,
  district: 1,
  province: 2,
  regional: 3,
  national: 4,
};

export const REGIONS = ['north', 'central', 'south'] as const;
export type Region = (typeof REGIONS)[number];

/** Product groups in the programme's official order (1–4). */
export const PRODUCT_GROUPS = ['handicraft', 'food', 'machinery', 'other'] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

export const FACILITY_TYPES = ['company', 'cooperative', 'household', 'cooperative_group', 'other'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const AVAILABILITIES = ['in_stock', 'made_to_order', 'not_sold_online'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Official names, Vietnamese first. */
export const LEVEL_NAMES: Record<Level, { vi: string; en: string }> = {
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  regional: { vi: 'Cấp khu vực', en: 'Regional level' },
  national: { vi: 'Cấp quốc gia', en: 'National level' },
};

export const REGION_NAMES: Record<Region, { vi: string; en: string }> = {
  north: { vi: 'Khu vực phía Bắc', en: 'North' },
  central: { vi: 'Khu vực miền Trung – Tây Nguyên', en: 'Central – Central Highlands' },
  south: { vi: 'Khu vực phía Nam', en: 'South' },
};

export const GROUP_NAMES: Record<ProductGroup, { vi: string; en: string }> = {
  handicraft: { vi: 'Thủ công mỹ nghệ', en: 'Handicrafts' },
  food: {
    vi: 'Chế biến nông, lâm, thủy sản và thực phẩm',
    en: 'Processed agricultural, forestry and aquatic products and food',
  },
  machinery: {
    vi: 'Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí',
    en: 'Equipment, machinery, tools and mechanical parts',
  },
  other: { vi: 'Sản phẩm khác', en: 'Other products' },
};

export const FACILITY_TYPE_NAMES: Record<FacilityType, { vi: string; en: string }> = {
  company: { vi: 'Doanh nghiệp', en: 'Company' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  household: { vi: 'Hộ kinh doanh', en: 'Household business' },
  cooperative_group: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  other: { vi: 'Cơ sở khác', en: 'Other' },
};

/** The commune level replaced the district level on this date (no district level since). */
export const COMMUNE_LEVEL_SINCE = '2025-07-01';
export const FIRST_ROUND_YEAR = 2012;
