/**
 * What the console accepts as an uploaded list (name and bytes agree, at most 20 MB), and that
 * every problem the import engine can find is worded in Vietnamese as well as English.
 */
import { describe, expect, it } from 'vitest';
import { importTable, readImportTable } from '~/catalogue/import/index';
import { schemaIssueVi } from '~/catalogue/import/schema-messages';
import { facilitySchema } from '~/catalogue/schemas';
import { checkUpload, cleanFileName, IMPORT_MAX_BYTES } from '~/registry/import-file';
import { csv } from '../catalogue/import/helpers';
import { bytesOf, smallRegistry, xlsxOf } from './import-helpers';

describe('checkUpload', () => {
  const text = bytesOf('cap,nam\ntỉnh,2020\n');

  it('takes a CSV or an XLSX whose bytes are what its name says', async () => {
    const ok = checkUpload('Danh sách 2025.CSV', text);
    expect(ok).toMatchObject({ ok: true, list: { fileName: 'Danh sách 2025.CSV', format: 'csv' } });
    expect(ok.ok && ok.list.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkUpload('ds.xlsx', await xlsxOf([['cap'], ['tỉnh']]))).toMatchObject({
      ok: true,
      list: { format: 'xlsx' },
    });
    // Excel's "Unicode text" is UTF-16 with its byte-order mark: text, not binary.
    expect(checkUpload('ds.csv', new Uint8Array([0xff, 0xfe, 0x63, 0x00]))).toMatchObject({ ok: true });
  });

  it('refuses empty, oversized, misnamed and disguised files', async () => {
    expect(checkUpload('ds.csv', new Uint8Array())).toEqual({ ok: false, refusal: 'no_file' });
    expect(checkUpload('ds.csv', new Uint8Array(IMPORT_MAX_BYTES + 1))).toEqual({
      ok: false,
      refusal: 'too_large',
    });
    expect(checkUpload('ds.pdf', text)).toEqual({ ok: false, refusal: 'bad_type' });
    expect(checkUpload('ds.xlsx', text)).toEqual({ ok: false, refusal: 'xlsx_not_zip' });
    expect(checkUpload('ds.csv', await xlsxOf([['cap']]))).toEqual({ ok: false, refusal: 'csv_is_binary' });
    expect(checkUpload('ds.csv', new Uint8Array([0x63, 0x00, 0x01, 0x02]))).toEqual({
      ok: false,
      refusal: 'csv_is_binary',
    });
  });

  it('keeps the file name readable and short', () => {
    expect(cleanFileName('C:\\Users\\op\\Danh sách.csv')).toBe('Danh sách.csv');
    expect(cleanFileName('../../etc/list\n.csv')).toBe('list.csv');
    expect(cleanFileName(`${'a'.repeat(300)}.csv`)).toHaveLength(200);
  });
});

describe('problems in both languages', () => {
  const header = ['cap', 'khu_vuc', 'nam', 'ngay_cap', 'hieu_luc_den', 'ten_san_pham', 'nhom_san_pham'];
  const more = ['ten_co_so', 'tinh_thanh', 'diem', 'dien_thoai', 'email', 'so_chung_nhan'];

  it('words every kind of problem in Vietnamese, with diacritics', async () => {
    const file = csv([
      [...header, ...more, 'cap'],
      [
        'cấp trên',
        'tây',
        '20x',
        '31/02/2023',
        'mai',
        'C',
        'nhóm 9',
        'X',
        'Atlantis',
        '101',
        'abc',
        'a@',
        '1',
      ],
      ['khu vực', '', '2030', '', '', 'Chè', '2', 'HTX Chè', 'Thái Nguyên', '', '', '', '1'],
      ['tỉnh', '', '2020', '01/01/2019', '01/01/2018', 'Chè', '2', 'HTX Chè', 'Thái Nguyên', '', '', '', '2'],
    ]);
    const read = await readImportTable(bytesOf(file), 'csv');
    if ('issue' in read) throw new Error(read.issue.message);
    const { issues } = importTable(read.table, smallRegistry(), 'f.csv', { maxYear: 2026 });
    expect(issues.length).toBeGreaterThanOrEqual(15);
    for (const p of issues) {
      expect(p.messageVi, p.message).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/u);
      expect(p.messageVi).not.toBe(p.message);
    }
    expect(issues.find((p) => p.column === 'cap' && p.row === 1)!.messageVi).toBe(
      'cột bị lặp lại (đã có cột “cap”)',
    );
  });

  it('words the merge’s problems too: two rows for one certificate', async () => {
    const file = csv([
      ['cap', 'nam', 'ten_san_pham', 'nhom_san_pham', 'ten_co_so', 'tinh_thanh', 'so_chung_nhan'],
      ['tỉnh', '2020', 'Chè', '2', 'HTX Chè', 'Thái Nguyên', 'A-1'],
      ['tỉnh', '2021', 'Chè xanh', '2', 'HTX Chè', 'Thái Nguyên', 'A-1'],
      ['tỉnh', '2021', 'Chè đen', '2', 'HTX Chè', 'Thái Nguyên', ''],
      ['tỉnh', '2021', 'Chè đen', '2', 'HTX Chè', 'Thái Nguyên', ''],
    ]);
    const read = await readImportTable(bytesOf(file), 'csv');
    if ('issue' in read) throw new Error(read.issue.message);
    const { issues, problems } = importTable(read.table, smallRegistry(), 'f.csv', { maxYear: 2026 });
    expect(problems).toEqual([
      'f.csv:3: so_chung_nhan: certificate number "A-1" is also on row 2',
      'f.csv:5: ten_san_pham: same product, level and year as row 4 (give each certificate its number to tell them apart)',
    ]);
    expect(issues.map((p) => p.messageVi)).toEqual([
      'số chứng nhận “A-1” đã có ở dòng 2',
      'trùng sản phẩm, cấp và năm với dòng 4 (hãy ghi số chứng nhận để phân biệt)',
    ]);
  });

  it('words the schemas’ own checks of a merged record', () => {
    const result = facilitySchema.safeParse({
      id: 'Bad Id',
      name: 'X',
      type: 'guild',
      province: 'Hà Nội',
      provinceAsListed: 'Hà Nội',
      email: 'no',
    });
    if (result.success) throw new Error('should not parse');
    expect(result.error.issues.map((i) => [i.path.join('.'), schemaIssueVi(i)])).toEqual([
      ['id', 'mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối'],
      ['name', 'cần dài ít nhất 2 ký tự'],
      [
        'type',
        'giá trị “guild” không hợp lệ (cần một trong: company, cooperative, household, cooperative_group, other)',
      ],
      ['email', 'không phải là địa chỉ email'],
    ]);
  });

  it('words an unreadable file in both languages', async () => {
    const read = await readImportTable(new Uint8Array([0xc3, 0x28, 0x0a]), 'csv');
    expect(read).toEqual({
      issue: {
        row: 1,
        column: '-',
        message: 'the file is not UTF-8 text (in Excel, save it as "CSV UTF-8")',
        messageVi: 'tệp không phải văn bản UTF-8 (trong Excel, hãy lưu dưới dạng “CSV UTF-8”)',
      },
    });
  });
});
