import { describe, expect, it } from 'vitest';
import { csvCell, registerCsv, registerJson, registerRows } from '~/verification/register';
import { AS_OF, sampleCatalogue } from './fixtures';

const rows = registerRows(sampleCatalogue(), AS_OF, 'https://cho-cnnt.vn');

describe('open register', () => {
  it('lists every certificate with its status, sorted by id', () => {
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['kv-2024-binh-gom', 'valid'],
      ['qg-2023-nmpq', 'valid'],
      ['tinh-2018-am-chen', 'expired'],
      ['tinh-2022-am-chen', 'revoked'],
      ['tinh-2022-nmpq', 'superseded'],
    ]);
    expect(rows[4]).toMatchObject({
      supersededBy: 'qg-2023-nmpq',
      provinceAsListed: 'Kiên Giang',
      provinceNow: 'An Giang',
      url: 'https://cho-cnnt.vn/verify/tinh-2022-nmpq/',
    });
    expect(registerJson(rows, AS_OF)).toMatchObject({
      asOf: AS_OF,
      total: 5,
      statuses: { valid: 2, expired: 1, revoked: 1, superseded: 1 },
    });
  });

  it('writes CSV for Excel: BOM, CRLF, Vietnamese headers and names, quoted cells', () => {
    const csv = registerCsv(rows, 'vi');
    expect(csv.startsWith('\uFEFFma_chung_nhan,so_chung_nhan,quyet_dinh,cap,khu_vuc,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('kv-2024-binh-gom,88/GCN-KV,,Cấp khu vực,Khu vực phía Bắc,2024,');
    expect(lines[4]).toContain(
      'Bị thu hồi,2024-03-01,2024-03-01,Sản phẩm không còn đáp ứng tiêu chí,99/QĐ-UBND,,',
    );
    expect(registerCsv(rows, 'en').split('\r\n')[0]).toBe(
      '\uFEFFcertificate_id,certificate_number,decision,level,region,year,issued_by,issued_on,valid_until,province_when_issued,province_now,product_name,product_group,facility_name,status,status_since,revoked_on,revocation_reason,revocation_decision,superseded_by,verification_page',
    );
    expect(registerCsv(rows, 'en')).toContain(
      ',"Processed agricultural, forestry and aquatic products and food",',
    );
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('+A1')).toBe("'+A1");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(2024)).toBe('2024');
    expect(csvCell(null)).toBe('');
  });
});
