import { describe, expect, it } from 'vitest';
import { mapHeader } from '~/catalogue/import/columns';
import {
  coreName,
  defaultIssuer,
  facilityKey,
  inferFacilityType,
  looksLikeSet,
  numberKey,
} from '~/catalogue/import/identity';
import {
  parseDate,
  parseGroup,
  parseLevel,
  parseRegion,
  parseScore,
  parseYear,
} from '~/catalogue/import/values';
import { detectDelimiter, parseCsv } from '~/text/table';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `ERR: ${r.message}`;

describe('levels', () => {
  it.each([
    ['quốc gia', 'national'],
    ['Cấp Quốc gia', 'national'],
    ['national', 'national'],
    ['CẤP QUỐC GIA', 'national'],
    ['khu vực', 'regional'],
    ['Cấp khu vực', 'regional'],
    ['regional', 'regional'],
    ['tỉnh', 'province'],
    ['cấp tỉnh', 'province'],
    ['Tỉnh', 'province'],
    ['province', 'province'],
    ['huyện', 'district'],
    ['Cấp huyện', 'district'],
    ['district', 'district'],
    ['xã', 'commune'],
    ['cấp xã', 'commune'],
    ['commune', 'commune'],
  ])('%s → %s', (text, level) => expect(value(parseLevel(text))).toBe(level));
  it('rejects others', () => expect(parseLevel('trung ương').ok).toBe(false));
});

describe('regions', () => {
  it.each([
    ['phía Bắc', 'north'],
    ['Khu vực phía Bắc', 'north'],
    ['north', 'north'],
    ['miền Trung - Tây Nguyên', 'central'],
    ['Khu vực miền Trung – Tây Nguyên', 'central'],
    ['central', 'central'],
    ['phía Nam', 'south'],
    ['south', 'south'],
    ['PHÍA NAM', 'south'],
  ])('%s → %s', (text, region) => expect(value(parseRegion(text))).toBe(region));
  it('rejects others', () => expect(parseRegion('Tây Bắc Bộ').ok).toBe(false));
});

describe('groups', () => {
  it.each([
    ['1', 'handicraft'],
    ['2', 'food'],
    ['3', 'machinery'],
    ['4', 'other'],
    ['Nhóm 2', 'food'],
    ['Thủ công mỹ nghệ', 'handicraft'],
    ['thu cong my nghe', 'handicraft'],
    ['Chế biến nông, lâm, thủy sản và thực phẩm', 'food'],
    ['Chế biến nông lâm thủy sản', 'food'],
    ['Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí', 'machinery'],
    ['Sản phẩm khác', 'other'],
    ['handicraft', 'handicraft'],
    ['food', 'food'],
    ['machinery', 'machinery'],
    ['other', 'other'],
  ])('%s → %s', (text, group) => expect(value(parseGroup(text))).toBe(group));
  it.each(['5', 'đồ chơi', 'toys'])('rejects %s', (text) => expect(parseGroup(text).ok).toBe(false));
});

describe('dates', () => {
  it.each([
    ['15/11/2023', '2023-11-15'],
    ['5/6/2019', '2019-06-05'],
    ['2023-11-15', '2023-11-15'],
    ['29/02/2024', '2024-02-29'],
    ['01.07.2025', '2025-07-01'],
  ])('%s → %s', (text, iso) => expect(value(parseDate(text))).toBe(iso));
  it.each([
    '31/02/2023',
    '29/02/2023',
    '2023-13-01',
    '00/01/2020',
    '32/01/2020',
    '11/15/2023',
    'tháng 5',
    '2023',
  ])('rejects %s', (text) => expect(parseDate(text).ok).toBe(false));
});

describe('years and scores', () => {
  it('accepts 2012 and later', () => {
    expect(value(parseYear('2012', 2030))).toBe(2012);
    expect(parseYear('2011', 2030).ok).toBe(false);
    expect(parseYear('2031', 2030).ok).toBe(false);
    expect(parseYear('23', 2030).ok).toBe(false);
  });
  it('accepts 0–100 with a decimal comma or point', () => {
    expect(value(parseScore('85,5'))).toBe(85.5);
    expect(value(parseScore('100'))).toBe(100);
    expect(value(parseScore('0'))).toBe(0);
    expect(parseScore('150').ok).toBe(false);
    expect(parseScore('-1').ok).toBe(false);
    expect(parseScore('tốt').ok).toBe(false);
  });
});

describe('headers', () => {
  it('match the Vietnamese header or the English alias, ignoring case, diacritics, spaces, underscores', () => {
    const map = mapHeader([
      'STT',
      'Tên sản phẩm',
      'CAP',
      'nam',
      'Nhóm_sản_phẩm',
      'facility_name',
      'Tỉnh thành',
      'Ngày cấp',
    ]);
    expect(map.problems).toEqual([]);
    expect(map.index).toMatchObject({
      productName: 1,
      level: 2,
      year: 3,
      group: 4,
      facilityName: 5,
      province: 6,
      issuedOn: 7,
    });
    expect(map.ignored).toEqual(['STT']);
  });
  it('reports each missing required column once', () => {
    const map = mapHeader(['ten_san_pham']);
    expect(map.problems.map(([c]) => c).sort()).toEqual([
      'cap',
      'nam',
      'nhom_san_pham',
      'ten_co_so',
      'tinh_thanh',
    ]);
  });
});

describe('CSV reading', () => {
  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
  });
  it('refuses text that is not UTF-8 and reads UTF-16 exports', () => {
    expect(() => parseCsv(Uint8Array.from([0x63, 0x61, 0x70, 0x0a, 0x74, 0xec, 0x6e, 0x68]))).toThrow(
      /not UTF-8/,
    );
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('cap\tnam\ntỉnh\t2019\n', 'utf16le'),
    ]);
    expect(parseCsv(utf16).rows[0]!.cells).toEqual(['tỉnh', '2019']);
  });

  it('strips the BOM and keeps spreadsheet row numbers, with quoted line breaks', () => {
    const table = parseCsv('\uFEFFcap;nam\n"tỉnh";2019\n\n"quốc\ngia";2023\n');
    expect(table.header).toEqual(['cap', 'nam']);
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe('identity', () => {
  it('drops legal-form words from facility names', () => {
    const names = [
      'Công ty TNHH Gốm Minh Long',
      'CÔNG TY CỔ PHẦN GỐM MINH LONG',
      'CTCP Gốm Minh Long',
      'Cty TNHH MTV Gốm Minh Long',
      'HTX Gốm Minh Long',
      'Hợp tác xã Gốm Minh Long',
      'Hộ kinh doanh Gốm Minh Long',
      'DNTN Gốm Minh Long',
      'Doanh nghiệp tư nhân Gốm Minh Long',
      'Cơ sở Gốm Minh Long',
      'Cơ sở sản xuất Gốm Minh Long',
      'Tổ hợp tác Gốm Minh Long',
      'gom minh long',
      'Gốm Minh Long Co., Ltd',
    ];
    for (const n of names) expect(coreName(n), n).toBe('gom minh long');
    expect(coreName('Hợp tác xã')).toBe('hop tac xa');
  });

  it('treats old and new province names as one facility', () => {
    expect(facilityKey('Công ty TNHH Gốm Minh Long', 'Phú Thọ')).toBe(
      facilityKey('HTX Gốm Minh Long', 'Phú Thọ'),
    );
    expect(facilityKey('Gốm Minh Long', 'Phú Thọ')).not.toBe(facilityKey('Gốm Minh Long', 'Hà Nội'));
  });

  it('infers the facility type from legal-form words', () => {
    expect(inferFacilityType('Công ty TNHH Nước mắm Hồng Phúc')).toBe('company');
    expect(inferFacilityType('Doanh nghiệp tư nhân An Khang')).toBe('company');
    expect(inferFacilityType('HTX Chè Tân Cương')).toBe('cooperative');
    expect(inferFacilityType('Hợp tác xã Mây tre đan Phú Vinh')).toBe('cooperative');
    expect(inferFacilityType('Hộ kinh doanh Nguyễn Văn An')).toBe('household');
    expect(inferFacilityType('Cơ sở sản xuất Bánh pía Tân Huê Viên')).toBe('household');
    expect(inferFacilityType('Tổ hợp tác Nón lá Chuông')).toBe('cooperative_group');
    expect(inferFacilityType('Làng nghề Gốm Bàu Trúc')).toBe('other');
  });

  it('derives the issuing body as named on the day', () => {
    expect(defaultIssuer('national', 'Hà Nội')).toBe('Bộ Công Thương');
    expect(defaultIssuer('regional', 'Kiên Giang')).toBe('Bộ Công Thương');
    expect(defaultIssuer('province', 'Hòa Bình')).toBe('UBND tỉnh Hòa Bình');
    expect(defaultIssuer('province', 'Hà Nội')).toBe('UBND thành phố Hà Nội');
    expect(defaultIssuer('district', 'Hà Nội', 'xã Bát Tràng, huyện Gia Lâm, thành phố Hà Nội')).toBe(
      'UBND huyện Gia Lâm, thành phố Hà Nội',
    );
    expect(defaultIssuer('commune', 'Phú Thọ', 'Thôn 3, xã Tân Lạc, tỉnh Phú Thọ')).toBe(
      'UBND xã Tân Lạc, tỉnh Phú Thọ',
    );
    expect(defaultIssuer('district', 'Hà Nam')).toBe('UBND cấp huyện, tỉnh Hà Nam');
  });

  it('tells product sets from other names without folding', () => {
    expect(looksLikeSet('Bộ ấm chén gốm Bát Tràng')).toBe(true);
    expect(looksLikeSet('Bò khô Gia Lai')).toBe(false);
    expect(numberKey('Số 12/GCN-BCT')).toBe(numberKey('12/gcn bct'));
  });
});
