/**
 * An operator's list of N rows against a catalogue folder, for the import speed measurements
 * (scripts/bench/80-publish.ts, tests/registry/import-speed.test.ts): half the rows restate
 * existing certificates (those with a printed number) with a new phone and the facility name
 * written in capitals; half are new facilities and products, named "HTX …" and "Hợp tác xã …"
 * alternately so the identity rule merges them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_FILES } from '~/catalogue/content-files';
import type { Certificate, Facility, Product } from '~/catalogue/schemas';

const LEVEL_WORDS: Record<Certificate['level'], string> = {
  national: 'quốc gia',
  regional: 'khu vực',
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};
const REGION_WORDS = { north: 'phía Bắc', central: 'miền Trung - Tây Nguyên', south: 'phía Nam' } as const;
const GROUP_NUMBER = { handicraft: 1, food: 2, machinery: 3, other: 4 } as const;

function csv(rows: (string | number)[][]): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

export function generatedImportList(dir: string, rowCount: number): string {
  const read = <T>(name: keyof typeof CONTENT_FILES) =>
    JSON.parse(readFileSync(path.join(dir, CONTENT_FILES[name]), 'utf8')) as T[];
  const facilities = new Map(read<Facility>('facilities').map((f) => [f.id, f]));
  const products = new Map(read<Product>('products').map((p) => [p.id, p]));
  const numbered = read<Certificate>('certificates').filter((c) => c.number !== undefined);
  const header = ['so_chung_nhan', 'cap', 'khu_vuc', 'nam', 'ten_san_pham', 'nhom_san_pham', 'ten_co_so'];
  const rows: (string | number)[][] = [[...header, 'tinh_thanh', 'dien_thoai']];
  for (const c of numbered.slice(0, rowCount / 2)) {
    const f = facilities.get(c.facilityId)!;
    const p = products.get(c.productId)!;
    rows.push([
      c.number!,
      LEVEL_WORDS[c.level],
      c.region ? REGION_WORDS[c.region] : '',
      c.year,
      p.name,
      GROUP_NUMBER[p.group],
      f.name.toUpperCase(),
      c.provinceAsListed,
      `0912 ${String(rows.length).padStart(3, '0')} 000`,
    ]);
  }
  const provinces = ['Thái Nguyên', 'Bến Tre', 'Hà Nội', 'Đắk Lắk', 'Sơn La'];
  for (let i = 0; rows.length <= rowCount; i++) {
    const facility = `${i % 2 === 0 ? 'HTX' : 'Hợp tác xã'} Thử nghiệm ${Math.floor(i / 4)}`;
    rows.push([
      `TN-2024-${i}`,
      'tỉnh',
      '',
      2024,
      `Sản phẩm thử ${Math.floor(i / 2)}`,
      (i % 4) + 1,
      facility,
      provinces[Math.floor(i / 4) % provinces.length]!,
      '',
    ]);
  }
  return csv(rows);
}
