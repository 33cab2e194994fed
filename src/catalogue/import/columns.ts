/**
 * The registry import format's columns (docs/import-format.md). Headers match
 * ignoring case, diacritics, spaces and underscores; the Vietnamese header or the English alias
 * (or one of a few common variants) may be used.
 */
import { compactKey } from '~/text/vietnamese';

export interface ColumnSpec {
  key: ColumnKey;
  vi: string;
  en: string;
  required: boolean;
  /** Other headers seen on operators' lists. */
  variants?: string[];
}

export type ColumnKey =
  | 'number'
  | 'decision'
  | 'level'
  | 'region'
  | 'year'
  | 'issuedOn'
  | 'validUntil'
  | 'productName'
  | 'group'
  | 'facilityName'
  | 'address'
  | 'province'
  | 'score'
  | 'phone'
  | 'email'
  | 'issuedBy';

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'number',
    vi: 'so_chung_nhan',
    en: 'certificate_number',
    required: false,
    variants: ['so_giay_chung_nhan', 'so_gcn', 'number'],
  },
  {
    key: 'decision',
    vi: 'quyet_dinh',
    en: 'decision',
    required: false,
    variants: ['so_quyet_dinh', 'quyet_dinh_cong_nhan'],
  },
  {
    key: 'level',
    vi: 'cap',
    en: 'level',
    required: true,
    variants: ['cap_chung_nhan', 'cap_binh_chon', 'cap_cong_nhan'],
  },
  { key: 'region', vi: 'khu_vuc', en: 'region', required: false, variants: ['vung'] },
  {
    key: 'year',
    vi: 'nam',
    en: 'year',
    required: true,
    variants: ['nam_binh_chon', 'nam_cong_nhan', 'round'],
  },
  {
    key: 'issuedOn',
    vi: 'ngay_cap',
    en: 'issued_on',
    required: false,
    variants: ['ngay_quyet_dinh', 'ngay_cong_nhan', 'issue_date'],
  },
  {
    key: 'validUntil',
    vi: 'hieu_luc_den',
    en: 'valid_until',
    required: false,
    variants: ['co_hieu_luc_den', 'thoi_han', 'expiry_date'],
  },
  {
    key: 'productName',
    vi: 'ten_san_pham',
    en: 'product_name',
    required: true,
    variants: ['san_pham', 'ten_san_pham_bo_san_pham', 'product'],
  },
  { key: 'group', vi: 'nhom_san_pham', en: 'product_group', required: true, variants: ['nhom', 'group'] },
  {
    key: 'facilityName',
    vi: 'ten_co_so',
    en: 'facility_name',
    required: true,
    variants: ['co_so', 'ten_co_so_cnnt', 'don_vi', 'facility'],
  },
  { key: 'address', vi: 'dia_chi', en: 'address', required: false },
  {
    key: 'province',
    vi: 'tinh_thanh',
    en: 'province',
    required: true,
    variants: ['tinh', 'tinh_thanh_pho', 'tinh_tp'],
  },
  { key: 'score', vi: 'diem', en: 'score', required: false, variants: ['tong_diem', 'diem_so'] },
  { key: 'phone', vi: 'dien_thoai', en: 'phone', required: false, variants: ['so_dien_thoai', 'sdt'] },
  { key: 'email', vi: 'email', en: 'email', required: false, variants: ['thu_dien_tu', 'e_mail'] },
  {
    key: 'issuedBy',
    vi: 'co_quan_cap',
    en: 'issued_by',
    required: false,
    variants: ['noi_cap', 'don_vi_cap'],
  },
];

const BY_HEADER = new Map<string, ColumnSpec>();
for (const spec of COLUMNS) {
  for (const name of [spec.vi, spec.en, ...(spec.variants ?? [])]) BY_HEADER.set(compactKey(name), spec);
}

export function columnForHeader(header: string): ColumnSpec | undefined {
  return BY_HEADER.get(compactKey(header));
}

export interface HeaderMap {
  /** Column index in the file for each recognised column. */
  index: Partial<Record<ColumnKey, number>>;
  /** The header text as written in the file, for messages. */
  label: Partial<Record<ColumnKey, string>>;
  /** Headers not recognised (ignored, e.g. "STT"). */
  ignored: string[];
  /** Problems with the header row itself: [column label, message, message in Vietnamese]. */
  problems: [string, string, string][];
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const map: HeaderMap = { index: {}, label: {}, ignored: [], problems: [] };
  header.forEach((text, i) => {
    if (text === '') return;
    const spec = columnForHeader(text);
    if (!spec) {
      map.ignored.push(text);
      return;
    }
    if (map.index[spec.key] !== undefined) {
      map.problems.push([
        text,
        `column given twice (also "${map.label[spec.key]}")`,
        `cột bị lặp lại (đã có cột “${map.label[spec.key]}”)`,
      ]);
      return;
    }
    map.index[spec.key] = i;
    map.label[spec.key] = text;
  });
  for (const spec of COLUMNS) {
    if (spec.required && map.index[spec.key] === undefined) {
      map.problems.push([
        spec.vi,
        `required column missing (header "${spec.vi}" or "${spec.en}")`,
        `thiếu cột bắt buộc (tiêu đề “${spec.vi}” hoặc “${spec.en}”)`,
      ]);
    }
  }
  return map;
}
