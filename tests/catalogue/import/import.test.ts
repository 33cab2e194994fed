import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueData, writeCollections } from '~/catalogue/content-files';
import { importRegistryFile, UsageError } from '~/catalogue/import/index';
import { writeSample } from '~scripts/sample/index';
import { csv, removeDir, snapshot, tempDir } from './helpers';

const VI_HEADER = [
  'STT',
  'Số chứng nhận',
  'Quyết định',
  'Cấp',
  'Khu vực',
  'Năm',
  'Ngày cấp',
  'Tên sản phẩm',
  'Nhóm sản phẩm',
  'Tên cơ sở',
  'Địa chỉ',
  'Tỉnh thành',
  'Điểm',
  'Điện thoại',
  'Email',
];
const EN_HEADER = [
  'no',
  'certificate_number',
  'decision',
  'level',
  'region',
  'year',
  'issued_on',
  'product_name',
  'product_group',
  'facility_name',
  'address',
  'province',
  'score',
  'phone',
  'email',
];
/** An official-style list: mixed spellings of levels and groups, dd/mm/yyyy dates, old and new provinces. */
const OFFICIAL_ROWS: (string | number)[][] = [
  [
    1,
    '',
    '3116/QĐ-BCT',
    'Cấp Quốc gia',
    '',
    2023,
    '15/11/2023',
    'Nước mắm cá cơm Phú Quốc 40 độ đạm',
    '2',
    'Công ty TNHH Nước mắm Khải Hoàn',
    'Khu phố 7, thị trấn Dương Đông, huyện Phú Quốc',
    'Kiên Giang',
    88,
    '0297 3846 123',
    'lienhe@khaihoan.vn',
  ],
  [
    2,
    'KV2022-N015',
    '2580/QĐ-BCT',
    'khu vực',
    'phía Nam',
    2022,
    '05/10/2022',
    'Nước mắm cá cơm Phú Quốc 40 độ đạm',
    'Chế biến nông, lâm, thủy sản và thực phẩm',
    'CÔNG TY TNHH NƯỚC MẮM KHẢI HOÀN',
    '',
    'kien giang',
    '',
    '',
    '',
  ],
  [
    3,
    '',
    '456/QĐ-UBND',
    'tỉnh',
    '',
    2019,
    '1/6/2019',
    'Bình gốm men lam Bát Tràng',
    'Thủ công mỹ nghệ',
    'HTX Gốm sứ Bát Tràng',
    'xã Bát Tràng, huyện Gia Lâm',
    'Hà Nội',
    '81,5',
    '',
    '',
  ],
  [
    4,
    '',
    '77/QĐ-UBND',
    'Cấp huyện',
    '',
    2018,
    '2018-03-04',
    'Chổi đót Tân Lạc',
    'other',
    'Hộ kinh doanh Nguyễn Văn An',
    'xóm Mường, xã Tân Lạc, huyện Tân Lạc',
    'Hoà Bình',
    '',
    '',
    '',
  ],
  [
    5,
    'T2025-PT-001',
    '1520/QĐ-UBND',
    'cấp tỉnh',
    '',
    2025,
    '20/08/2025',
    'Máy tuốt lúa TL-1200',
    3,
    'Công ty Cổ phần Cơ khí Thành Đạt',
    '',
    'Phú Thọ',
    76,
    '0912 345 678',
    '',
  ],
  [
    6,
    '',
    '2580/QĐ-BCT',
    'Khu vực',
    'Miền Trung - Tây Nguyên',
    2022,
    '05/10/2022',
    'Cà phê Robusta Buôn Ma Thuột',
    'food',
    'Hợp tác xã Cà phê Ea Tu',
    '',
    'Đắk Lắk',
    90,
    '',
    '',
  ],
  [
    7,
    '',
    '3116/QĐ-BCT',
    'quốc gia',
    '',
    2023,
    '15/11/2023',
    'Bộ ấm chén gốm Bát Tràng',
    1,
    'HTX Gốm sứ Bát Tràng',
    '',
    'TP. Hà Nội',
    '',
    '',
    '',
  ],
];

async function writeCsv(
  file: string,
  header: string[],
  rows: (string | number)[][],
  options: { bom?: boolean; delimiter?: string } = {},
) {
  await writeFile(file, `${options.bom ? '\uFEFF' : ''}${csv([header, ...rows], options.delimiter)}`);
}

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(async () => {
  await removeDir(work);
});

async function freshDir(name: string): Promise<string> {
  const dir = path.join(work, name);
  return dir;
}

describe('importing an official-style list', () => {
  it('imports Vietnamese headers cleanly into an empty catalogue', async () => {
    const dir = await freshDir('vi');
    const file = path.join(work, 'danh-sach.csv');
    await writeCsv(file, VI_HEADER, OFFICIAL_ROWS);
    const outcome = await importRegistryFile(file, { contentDir: dir, label: 'danh-sach.csv' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatchObject({
      rows: 7,
      facilities: { added: 5, updated: 0, unchanged: 0 },
      products: { added: 6, updated: 0, unchanged: 0 },
      certificates: { added: 7, updated: 0, unchanged: 0 },
    });
    const data = await readCatalogueData(dir);
    expect(data.listings).toEqual([]);
    expect(data.dataset.sample).toBe(false);

    const khaiHoan = data.facilities.find((f) => f.name.toLowerCase().includes('khải hoàn'))!;
    expect(khaiHoan).toMatchObject({
      type: 'company',
      province: 'An Giang',
      provinceAsListed: 'Kiên Giang',
      phone: '0297 3846 123',
    });
    expect(khaiHoan.id).toBe('nuoc-mam-khai-hoan-an-giang');
    const fishSauce = data.certificates.filter((c) => c.facilityId === khaiHoan.id);
    expect(fishSauce.map((c) => c.level).sort()).toEqual(['national', 'regional']);
    const regional = fishSauce.find((c) => c.level === 'regional')!;
    expect(regional).toMatchObject({
      id: 'kv2022-n015',
      number: 'KV2022-N015',
      region: 'south',
      issuedOn: '2022-10-05',
      validUntil: '2025-12-31',
      issuedBy: 'Bộ Công Thương',
    });
    const national = fishSauce.find((c) => c.level === 'national')!;
    expect(national.id).toMatch(/^qg-2023-[0-9a-f]{8}$/);
    expect(national.score).toBe(88);

    const broom = data.certificates.find((c) => c.level === 'district')!;
    expect(broom).toMatchObject({
      provinceAsListed: 'Hòa Bình',
      issuedBy: 'UBND huyện Tân Lạc, tỉnh Hòa Bình',
      issuedOn: '2018-03-04',
    });
    expect(data.facilities.find((f) => f.id === broom.facilityId)).toMatchObject({
      type: 'household',
      province: 'Phú Thọ',
    });

    const machine = data.certificates.find((c) => c.number === 'T2025-PT-001')!;
    expect(machine).toMatchObject({ level: 'province', issuedBy: 'UBND tỉnh Phú Thọ', score: 76 });
    expect(data.products.find((p) => p.id === machine.productId)).toMatchObject({
      group: 'machinery',
      name: 'Máy tuốt lúa TL-1200',
    });

    const batTrang = data.facilities.find((f) => f.name === 'HTX Gốm sứ Bát Tràng')!;
    expect(batTrang).toMatchObject({ type: 'cooperative', province: 'Hà Nội' });
    const sets = data.products.filter((p) => p.facilityId === batTrang.id);
    expect(sets.map((p) => [p.name, p.isSet]).sort()).toEqual([
      ['Bình gốm men lam Bát Tràng', false],
      ['Bộ ấm chén gốm Bát Tràng', true],
    ]);
    expect(
      data.certificates.find((c) => c.level === 'province' && c.facilityId === batTrang.id),
    ).toMatchObject({
      score: 81.5,
      issuedBy: 'UBND thành phố Hà Nội',
      validUntil: '2022-12-31',
    });
    for (const id of [...data.facilities, ...data.products, ...data.certificates].map((r) => r.id)) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('imports the same list with English headers to the same catalogue', async () => {
    const viDir = await freshDir('vi');
    const enDir = await freshDir('en');
    const file = path.join(work, 'list-en.csv');
    await writeCsv(file, EN_HEADER, OFFICIAL_ROWS);
    const outcome = await importRegistryFile(file, { contentDir: enDir });
    expect(outcome.problems).toEqual([]);
    expect(await snapshot(enDir)).toEqual(await snapshot(viDir));
  });

  it('reads a UTF-8 file with BOM, semicolons and quoted fields', async () => {
    const dir = await freshDir('bom');
    const file = path.join(work, 'excel-export.csv');
    await writeCsv(file, VI_HEADER, OFFICIAL_ROWS, { bom: true, delimiter: ';' });
    expect((await readFile(file)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const outcome = await importRegistryFile(file, { contentDir: dir });
    expect(outcome.problems).toEqual([]);
    expect(await snapshot(dir)).toEqual(await snapshot(await freshDir('vi')));
  });

  it('reads XLSX, with real date and number cells', async () => {
    const dir = await freshDir('xlsx');
    const file = path.join(work, 'danh-sach.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([
      'Số chứng nhận',
      'Cấp',
      'Khu vực',
      'Năm',
      'Ngày cấp',
      'Tên sản phẩm',
      'Nhóm sản phẩm',
      'Tên cơ sở',
      'Tỉnh thành',
      'Điểm',
    ]);
    sheet.addRow([
      'QG2023-007',
      'Cấp quốc gia',
      null,
      2023,
      new Date(Date.UTC(2023, 10, 15)),
      'Chè xanh Tân Cương đặc biệt',
      'Chế biến nông, lâm, thủy sản và thực phẩm',
      'HTX Chè Tân Cương',
      'Thái Nguyên',
      91.5,
    ]);
    sheet.addRow([
      null,
      'khu vực',
      'phía Bắc',
      2020,
      '12/10/2020',
      'Chè xanh Tân Cương đặc biệt',
      2,
      'Hợp tác xã Chè Tân Cương',
      'Thái Nguyên',
      85,
    ]);
    sheet.addRow([
      null,
      'tỉnh',
      null,
      2024,
      '03/05/2024',
      { richText: [{ text: 'Miến dong ' }, { text: 'Na Rì' }] },
      'food',
      'HTX Miến dong Na Rì',
      'Bắc Kạn',
      null,
    ]);
    await workbook.xlsx.writeFile(file);

    const outcome = await importRegistryFile(file, { contentDir: dir });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toMatchObject({
      facilities: { added: 2 },
      products: { added: 2 },
      certificates: { added: 3 },
    });
    const data = await readCatalogueData(dir);
    expect(data.certificates.find((c) => c.number === 'QG2023-007')).toMatchObject({
      issuedOn: '2023-11-15',
      score: 91.5,
      year: 2023,
    });
    expect(data.facilities.find((f) => f.name.includes('Miến'))).toMatchObject({
      province: 'Thái Nguyên',
      provinceAsListed: 'Bắc Kạn',
    });
    expect(data.products.map((p) => p.name).sort()).toEqual([
      'Chè xanh Tân Cương đặc biệt',
      'Miến dong Na Rì',
    ]);
  });
});

describe('a list with bad rows', () => {
  it('reports all eight problems with row numbers and writes nothing', async () => {
    const dir = await freshDir('bad');
    await writeSample(dir, { products: 40, seed: 3 });
    const before = await snapshot(dir);
    const good = (overrides: Record<number, string | number>) => {
      const row: (string | number)[] = [
        '',
        '',
        '3116/QĐ-BCT',
        'tỉnh',
        '',
        2023,
        '15/11/2023',
        'Nem chua Thanh Hóa',
        'food',
        'Công ty TNHH Nem Hồng Phúc',
        '',
        'Thanh Hóa',
        80,
        '',
        '',
      ];
      for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
      return row;
    };
    const rows = [
      good({ 0: 1, 3: 'cấp trung ương' }), // row 2: bad level
      good({ 0: 2, 7: '' }), // row 3: missing product name
      good({ 0: 3, 6: '31/02/2023' }), // row 4: impossible date
      good({ 0: 4, 11: 'Tỉnh Atlantis' }), // row 5: unknown province
      good({ 0: 5, 5: 2010, 6: '' }), // row 6: year before 2012
      good({ 0: 6, 12: 150 }), // row 7: score over 100
      good({ 0: 7, 3: 'khu vực' }), // row 8: regional without region
      good({ 0: 8, 8: 'đồ chơi' }), // row 9: bad group
      good({ 0: 9 }), // row 10: fine
    ];
    const file = path.join(work, 'bad.csv');
    await writeCsv(file, VI_HEADER, rows);
    const outcome = await importRegistryFile(file, { contentDir: dir, label: 'bad.csv' });
    expect(outcome.ok).toBe(false);
    expect(outcome.written).toBe(false);
    expect(outcome.problems).toHaveLength(8);
    for (const line of outcome.problems) expect(line).toMatch(/^bad\.csv:\d+: [^:]+: .+$/);
    const where = outcome.problems.map((l) => l.split(': ').slice(0, 2).join(': '));
    expect(where).toEqual([
      'bad.csv:2: Cấp',
      'bad.csv:3: Tên sản phẩm',
      'bad.csv:4: Ngày cấp',
      'bad.csv:5: Tỉnh thành',
      'bad.csv:6: Năm',
      'bad.csv:7: Điểm',
      'bad.csv:8: Khu vực',
      'bad.csv:9: Nhóm sản phẩm',
    ]);
    expect(outcome.problems[0]).toContain('cấp trung ương');
    expect(outcome.problems[3]).toContain('Atlantis');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses files that are missing or of another type as usage errors', async () => {
    const dir = await freshDir('usage');
    await expect(importRegistryFile(path.join(work, 'nothing.csv'), { contentDir: dir })).rejects.toThrow(
      UsageError,
    );
    await expect(importRegistryFile(path.join(work, 'list.pdf'), { contentDir: dir })).rejects.toThrow(
      /\.csv or \.xlsx/,
    );
  });

  it('reports an empty file and a file without rows', async () => {
    const dir = await freshDir('empty');
    const empty = path.join(work, 'empty.csv');
    await writeFile(empty, '\uFEFF\n');
    expect((await importRegistryFile(empty, { contentDir: dir, label: 'empty.csv' })).problems).toEqual([
      'empty.csv:1: -: the file is empty',
    ]);
    const headerOnly = path.join(work, 'header-only.csv');
    await writeCsv(headerOnly, VI_HEADER, []);
    expect((await importRegistryFile(headerOnly, { contentDir: dir, label: 'h.csv' })).problems).toEqual([
      'h.csv:1: -: the file has a header but no rows',
    ]);
  });

  it('reports missing required columns once, not per row', async () => {
    const dir = await freshDir('missing-columns');
    const file = path.join(work, 'missing.csv');
    await writeCsv(
      file,
      ['Tên sản phẩm', 'Tỉnh thành'],
      [
        ['Chè xanh', 'Thái Nguyên'],
        ['Trà móc câu', 'Thái Nguyên'],
      ],
    );
    const outcome = await importRegistryFile(file, { contentDir: dir, label: 'missing.csv' });
    expect(outcome.problems).toEqual([
      'missing.csv:1: cap: required column missing (header "cap" or "level")',
      'missing.csv:1: nam: required column missing (header "nam" or "year")',
      'missing.csv:1: nhom_san_pham: required column missing (header "nhom_san_pham" or "product_group")',
      'missing.csv:1: ten_co_so: required column missing (header "ten_co_so" or "facility_name")',
    ]);
  });

  it('reports the same certificate twice in one file', async () => {
    const dir = await freshDir('dup');
    const file = path.join(work, 'dup.csv');
    await writeCsv(file, VI_HEADER, [
      OFFICIAL_ROWS[1]!,
      OFFICIAL_ROWS[1]!,
      OFFICIAL_ROWS[0]!,
      OFFICIAL_ROWS[0]!,
    ]);
    const outcome = await importRegistryFile(file, { contentDir: dir, label: 'dup.csv' });
    expect(outcome.problems).toEqual([
      'dup.csv:3: Số chứng nhận: certificate number "KV2022-N015" is also on row 2',
      'dup.csv:5: Tên sản phẩm: same product, level and year as row 4 (give each certificate its number to tell them apart)',
    ]);
  });
});

describe('re-importing and merging', () => {
  it('is idempotent: a second import changes nothing, byte for byte', async () => {
    const dir = await freshDir('idem');
    await writeSample(dir, { products: 40, seed: 4 });
    const file = path.join(work, 'idem.csv');
    await writeCsv(file, VI_HEADER, OFFICIAL_ROWS);
    const first = await importRegistryFile(file, { contentDir: dir });
    expect(first.summary!.certificates.added).toBe(7);
    const after = await snapshot(dir);
    const second = await importRegistryFile(file, { contentDir: dir });
    expect(second.summary).toMatchObject({
      facilities: { added: 0, updated: 0, unchanged: 5 },
      products: { added: 0, updated: 0, unchanged: 6 },
      certificates: { added: 0, updated: 0, unchanged: 7 },
    });
    expect(second.changedFiles).toEqual([]);
    expect(await snapshot(dir)).toEqual(after);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const dir = await freshDir('dry');
    await writeSample(dir, { products: 20, seed: 5 });
    const before = await snapshot(dir);
    const file = path.join(work, 'dry.csv');
    await writeCsv(file, VI_HEADER, OFFICIAL_ROWS);
    const outcome = await importRegistryFile(file, { contentDir: dir, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.written).toBe(false);
    expect(outcome.summary!.certificates.added).toBe(7);
    expect(outcome.changedFiles).toContain('registry/certificates.json');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('merges legal forms, diacritics and old vs new province names into one facility and product', async () => {
    const dir = await freshDir('identity');
    const file = path.join(work, 'identity.csv');
    await writeCsv(
      file,
      ['ten_co_so', 'tinh_thanh', 'ten_san_pham', 'cap', 'khu_vuc', 'nam', 'nhom_san_pham'],
      [
        ['Công ty TNHH Gốm Minh Long', 'Hoà Bình', 'Bình gốm men lam', 'tỉnh', '', 2019, '1'],
        [
          'CÔNG TY CỔ PHẦN GỐM MINH LONG',
          'Tỉnh Phú Thọ',
          'BÌNH GỐM MEN LAM',
          'khu vực',
          'phía Bắc',
          2020,
          'handicraft',
        ],
        ['gom minh long', 'vinh phuc', 'Binh gom men lam', 'quốc gia', '', 2021, 'Thủ công mỹ nghệ'],
        ['HTX Gốm Minh Long', 'Hà Nội', 'Bình gốm men lam', 'tỉnh', '', 2021, '1'],
      ],
    );
    const outcome = await importRegistryFile(file, { contentDir: dir });
    expect(outcome.problems).toEqual([]);
    const data = await readCatalogueData(dir);
    expect(data.facilities.map((f) => f.id).sort()).toEqual([
      'gom-minh-long-ha-noi',
      'gom-minh-long-phu-tho',
    ]);
    const phuTho = data.facilities.find((f) => f.id === 'gom-minh-long-phu-tho')!;
    // The newest row gives the name and province as listed.
    expect(phuTho).toMatchObject({
      name: 'gom minh long',
      province: 'Phú Thọ',
      provinceAsListed: 'Vĩnh Phúc',
    });
    const products = data.products.filter((p) => p.facilityId === phuTho.id);
    expect(products).toHaveLength(1);
    const certs = data.certificates.filter((c) => c.productId === products[0]!.id);
    expect(certs.map((c) => [c.level, c.provinceAsListed]).sort()).toEqual([
      ['national', 'Vĩnh Phúc'],
      ['province', 'Hòa Bình'],
      ['regional', 'Phú Thọ'],
    ]);
    // The same product name at another facility gets its own, deterministic id.
    const ids = data.products.map((p) => p.id).sort();
    expect(ids).toEqual(['binh-gom-men-lam', 'binh-gom-men-lam-gom-minh-long']);
    expect(new Set(data.certificates.map((c) => c.id)).size).toBe(4);
  });

  it('keeps existing ids, revocations and listings when a list updates a certificate', async () => {
    const dir = await freshDir('keep');
    await writeSample(dir, { products: 60, seed: 6 });
    const data = await readCatalogueData(dir);
    const listed = new Set(data.listings.map((l) => l.productId));
    const target = data.certificates.find((c) => c.number && listed.has(c.productId) && !c.revocation)!;
    expect(target).toBeDefined();
    const revocation = { date: '2024-03-01', reason: 'Cơ sở ngừng sản xuất sản phẩm', decision: '99/QĐ-BCT' };
    await writeCollections(dir, {
      certificates: data.certificates.map((c) => (c.id === target.id ? { ...c, revocation } : c)),
    });
    const listingsBefore = await readFile(path.join(dir, 'listings/listings.json'));
    const datasetBefore = await readFile(path.join(dir, 'dataset.json'));

    const product = data.products.find((p) => p.id === target.productId)!;
    const facility = data.facilities.find((f) => f.id === target.facilityId)!;
    const file = path.join(work, 'update.csv');
    await writeCsv(
      file,
      [
        'so_chung_nhan',
        'cap',
        'khu_vuc',
        'nam',
        'ten_san_pham',
        'nhom_san_pham',
        'ten_co_so',
        'tinh_thanh',
        'diem',
      ],
      [
        [
          target.number!,
          target.level,
          target.region ?? '',
          target.year,
          product.name,
          product.group,
          facility.name,
          target.provinceAsListed,
          99,
        ],
      ],
    );
    const outcome = await importRegistryFile(file, { contentDir: dir });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary!.certificates).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const after = await readCatalogueData(dir);
    const updated = after.certificates.find((c) => c.id === target.id)!;
    expect(updated.score).toBe(99);
    expect(updated.revocation).toEqual(revocation);
    expect(updated.issuedOn).toBe(target.issuedOn);
    expect(updated.productId).toBe(target.productId);
    expect(after.products.find((p) => p.id === product.id)!.photos).toEqual(product.photos);
    expect(after.certificates).toHaveLength(data.certificates.length);
    expect(await readFile(path.join(dir, 'listings/listings.json'))).toEqual(listingsBefore);
    expect(await readFile(path.join(dir, 'dataset.json'))).toEqual(datasetBefore);
  });

  it('rows without a number match existing certificates by product, level and year', async () => {
    const dir = await freshDir('no-number');
    const file = path.join(work, 'no-number.csv');
    await writeCsv(file, VI_HEADER, OFFICIAL_ROWS.slice(0, 1));
    await importRegistryFile(file, { contentDir: dir });
    const [before] = (await readCatalogueData(dir)).certificates;
    // The next list gives the printed number: the same certificate, now with its number; the id stays.
    const withNumber = [...OFFICIAL_ROWS[0]!];
    withNumber[1] = 'QG2023-101';
    await writeCsv(file, VI_HEADER, [withNumber]);
    const outcome = await importRegistryFile(file, { contentDir: dir });
    expect(outcome.summary!.certificates).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const [after] = (await readCatalogueData(dir)).certificates;
    expect(after!.id).toBe(before!.id);
    expect(after!.number).toBe('QG2023-101');
  });
});
