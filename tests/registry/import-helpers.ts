/**
 * Shared by the console import tests: a small registry on disk (a cooperative listed as "HTX
 * chè Hảo Đạt"), lists in CSV and XLSX that name it differently, and the database rows the
 * import leaves behind.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { CatalogueData } from '~/catalogue/catalogue';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import type { Database } from '~/db/client';
import { csv } from '../catalogue/import/helpers';

export const REGISTRY_FILES = ['facilities', 'products', 'certificates'] as const;

/** Records in the key order the import writes them, so an unchanged import rewrites no byte. */
export function smallRegistry(): CatalogueData {
  return {
    dataset: { id: 'dataset', sample: true },
    facilities: [
      {
        id: 'che-hao-dat-thai-nguyen',
        name: 'HTX chè Hảo Đạt',
        type: 'cooperative',
        province: 'Thái Nguyên',
        provinceAsListed: 'Thái Nguyên',
        phone: '0208 3855 111',
        photos: [],
      },
    ],
    products: [
      {
        id: 'che-tan-cuong-hao-dat',
        name: 'Chè Tân Cương Hảo Đạt',
        group: 'food',
        facilityId: 'che-hao-dat-thai-nguyen',
        isSet: false,
        photos: [],
      },
    ],
    certificates: [
      {
        id: 'tinh-2019-che',
        productId: 'che-tan-cuong-hao-dat',
        facilityId: 'che-hao-dat-thai-nguyen',
        number: 'TN-2019-07',
        level: 'province',
        year: 2019,
        issuedBy: 'UBND tỉnh Thái Nguyên',
        validUntil: '2022-12-31',
        provinceAsListed: 'Thái Nguyên',
      },
    ],
    listings: [],
  };
}

/** A temporary content folder holding every catalogue file of `data`. */
export function writeContentDir(data: CatalogueData = smallRegistry(), prefix = 'registry-import-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const write = (name: keyof typeof CONTENT_FILES, items: readonly { id: string }[]) => {
    mkdirSync(path.dirname(path.join(dir, CONTENT_FILES[name])), { recursive: true });
    writeFileSync(path.join(dir, CONTENT_FILES[name]), serialiseCollection(items));
  };
  write('dataset', [data.dataset]);
  write('facilities', data.facilities);
  write('products', data.products);
  write('certificates', data.certificates);
  write('listings', data.listings);
  return dir;
}

/**
 * A copy of `dir` so deep that its files can be read but not written: the temporary file
 * writeCollections stages beside each registry file passes the 4,095-byte path limit and fails
 * with ENAMETOOLONG, a real error of the file write (permissions would not stop root).
 */
export function unwritableCopyOf(dir: string): string {
  const target = 4064; // + "/registry/certificates.json" ≤ 4095 < + "/registry/facilities.json.{pid}-{hex}.tmp"
  let deep = `${dir}-deep`;
  while (deep.length < target) deep += `/${'d'.repeat(Math.min(200, target - deep.length - 1))}`;
  for (const file of Object.values(CONTENT_FILES)) {
    mkdirSync(path.dirname(path.join(deep, file)), { recursive: true });
    cpSync(path.join(dir, file), path.join(deep, file));
  }
  return deep;
}

/** The three registry files' bytes, to compare before and after. */
export function registryBytes(dir: string): Record<(typeof REGISTRY_FILES)[number], string> {
  return Object.fromEntries(
    REGISTRY_FILES.map((n) => [n, readFileSync(path.join(dir, CONTENT_FILES[n]), 'utf8')]),
  ) as Record<(typeof REGISTRY_FILES)[number], string>;
}

export const HEADER = [
  'STT',
  'Số chứng nhận',
  'Cấp',
  'Năm',
  'Tên sản phẩm',
  'Nhóm sản phẩm',
  'Tên cơ sở',
  'Tỉnh thành',
  'Điện thoại',
];

/**
 * Rows 2–4: the cooperative under its full legal name (and once as the registry names it),
 * with a new phone and a new national certificate; row 5: a new company named two ways.
 */
export const RENAMED_ROWS: (string | number)[][] = [
  [
    1,
    'TN-2019-07',
    'tỉnh',
    2019,
    'Chè Tân Cương Hảo Đạt',
    'food',
    'Hợp tác xã chè Hảo Đạt',
    'Thái Nguyên',
    '0208 3855 999',
  ],
  [2, '', 'quốc gia', 2023, 'Chè Tân Cương Hảo Đạt', 'food', 'Hợp tác xã chè Hảo Đạt', 'Thái Nguyên', ''],
  [3, '', 'tỉnh', 2021, 'Chè móc câu', 'food', 'HTX chè Hảo Đạt', 'Thái Nguyên', ''],
  [4, '', 'tỉnh', 2022, 'Kẹo dừa sáp', 'food', 'Công ty TNHH Kẹo dừa Thanh Long', 'Bến Tre', ''],
  [5, '', 'tỉnh', 2023, 'Kẹo dừa lá dứa', 'food', 'CÔNG TY TNHH KẸO DỪA THANH LONG', 'Bến Tre', ''],
];

export const renamedCsv = () => csv([HEADER, ...RENAMED_ROWS]);

/** A list whose rows 3 and 5 are bad (unknown level, unknown province); the others are fine. */
export const badCsv = () =>
  csv([
    HEADER,
    RENAMED_ROWS[0]!,
    [2, '', 'trung ương', 2023, 'Chè', 'food', 'HTX chè Hảo Đạt', 'Thái Nguyên', ''],
    RENAMED_ROWS[2]!,
    [4, '', 'tỉnh', 2022, 'Kẹo dừa sáp', 'food', 'Công ty TNHH Kẹo dừa', 'Atlantis', ''],
  ]);

export async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

export async function rowsOf<T = Record<string, unknown>>(
  db: Database,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function countOf(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rowsOf<{ n: string | number }>(db, query);
  return Number(row!.n);
}

export { sql };
