/**
 * The registry diff an operator reviews: records matched by id, added / removed / changed field
 * by field (in the record's field order), unchanged counted; its audit summary capped; values
 * worded for people in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Certificate, Facility, Product } from '~/catalogue';
import {
  describeDiff,
  diffCounts,
  diffRegistry,
  fieldChanges,
  isEmptyDiff,
  type RegistryRecords,
  recordLabel,
  summariseDiff,
} from '~/registry/diff';
import { fieldLabel, formatFieldValue } from '~/registry/diff-format';
import { certificate, facility, product } from '~tests/catalogue/fixture-builders';

type Mutable = { facilities: Facility[]; products: Product[]; certificates: Certificate[] };
const clone = (r: RegistryRecords) => structuredClone(r) as Mutable;

const base: RegistryRecords = {
  facilities: [
    facility('hao-dat-thai-nguyen', 'HTX chè Hảo Đạt', 'Thái Nguyên', { type: 'cooperative' }),
    facility('gom-minh-long', 'Công ty TNHH Gốm Minh Long', 'Bình Dương', { phone: '0274 3668 899' }),
  ],
  products: [
    product('che-tan-cuong', 'Chè Tân Cương', 'hao-dat-thai-nguyen', 'food'),
    product('bo-am-chen', 'Bộ ấm chén', 'gom-minh-long', 'handicraft'),
  ],
  certificates: [
    certificate('qg-2023-1', 'che-tan-cuong', 'hao-dat-thai-nguyen', 'national', 2023, { number: '12/QG' }),
    certificate('tinh-2019-1', 'bo-am-chen', 'gom-minh-long', 'province', 2019),
  ],
};

describe('diffRegistry', () => {
  it('finds nothing between a registry and itself (or a copy of it)', () => {
    const same = diffRegistry(base, clone(base));
    expect(isEmptyDiff(same)).toBe(true);
    expect(diffCounts(same)).toEqual({
      facilities: { added: 0, changed: 0, removed: 0, unchanged: 2 },
      products: { added: 0, changed: 0, removed: 0, unchanged: 2 },
      certificates: { added: 0, changed: 0, removed: 0, unchanged: 2 },
    });
    expect(describeDiff(same)).toBe('0 added, 0 changed');
  });

  it('lists added, removed and changed records field by field', () => {
    const after: RegistryRecords = {
      facilities: [
        facility('hao-dat-thai-nguyen', 'Hợp tác xã chè Hảo Đạt', 'Thái Nguyên', {
          type: 'cooperative',
          phone: '0208 3855 111',
        }),
        // Gốm Minh Long loses its phone: a field that goes away is a change too.
        facility('gom-minh-long', 'Công ty TNHH Gốm Minh Long', 'Bình Dương'),
        facility('keo-dua-ben-tre', 'Công ty TNHH Kẹo dừa', 'Vĩnh Long'),
      ],
      products: [
        product('che-tan-cuong', 'Chè Tân Cương', 'hao-dat-thai-nguyen', 'food'),
        product('keo-dua', 'Kẹo dừa sáp', 'keo-dua-ben-tre', 'food'),
      ],
      certificates: [
        certificate('qg-2023-1', 'che-tan-cuong', 'hao-dat-thai-nguyen', 'national', 2023, {
          number: '12/QG',
          score: 91.5,
        }),
        certificate('qg-2025-2', 'keo-dua', 'keo-dua-ben-tre', 'national', 2025),
      ],
    };
    const d = diffRegistry(base, after);
    expect(isEmptyDiff(d)).toBe(false);
    expect(d.facilities.added.map((f) => f.id)).toEqual(['keo-dua-ben-tre']);
    expect(d.facilities.removed).toEqual([]);
    expect(d.facilities.unchanged).toBe(0);
    expect(d.facilities.changed).toEqual([
      {
        id: 'gom-minh-long',
        label: 'Công ty TNHH Gốm Minh Long',
        before: base.facilities[1],
        after: after.facilities[1],
        fields: [{ field: 'phone', before: '0274 3668 899', after: undefined }],
      },
      {
        id: 'hao-dat-thai-nguyen',
        label: 'Hợp tác xã chè Hảo Đạt',
        before: base.facilities[0],
        after: after.facilities[0],
        fields: [
          { field: 'name', before: 'HTX chè Hảo Đạt', after: 'Hợp tác xã chè Hảo Đạt' },
          { field: 'phone', before: undefined, after: '0208 3855 111' },
        ],
      },
    ]);
    expect(d.products.removed.map((p) => p.id)).toEqual(['bo-am-chen']);
    expect(d.products.added.map((p) => p.id)).toEqual(['keo-dua']);
    expect(d.products.unchanged).toBe(1);
    expect(d.certificates.changed.map((c) => [c.label, c.fields])).toEqual([
      ['12/QG · Chè Tân Cương', [{ field: 'score', before: undefined, after: 91.5 }]],
    ]);
    // Added and removed certificates are labelled with their product's name, old or new.
    expect(d.certificates.added.map((c) => recordLabel(d, 'certificates', c))).toEqual([
      'qg-2025-2 · Kẹo dừa sáp',
    ]);
    expect(d.certificates.removed.map((c) => recordLabel(d, 'certificates', c))).toEqual([
      'tinh-2019-1 · Bộ ấm chén',
    ]);
    expect(describeDiff(d)).toBe('3 added, 3 changed, 2 removed');
  });

  it('compares nested values (a revocation) by content, not identity', () => {
    const revoked = clone(base);
    const revocation = { date: '2025-01-02', reason: 'Cơ sở ngừng sản xuất' };
    revoked.certificates[1]!.revocation = revocation;
    const again = clone(revoked);
    expect(isEmptyDiff(diffRegistry(revoked, again))).toBe(true);
    const d = diffRegistry(base, revoked);
    expect(d.certificates.changed[0]!.fields).toEqual([
      { field: 'revocation', before: undefined, after: revocation },
    ]);
  });

  it('keeps field order: the record’s own, with new fields after', () => {
    expect(fieldChanges({ a: 1, b: 2 }, { c: 3, b: 1, a: 1 }).map((f) => f.field)).toEqual(['b', 'c']);
  });
});

describe('summariseDiff', () => {
  it('keeps whole counts and at most `cap` changes, saying when it cut', () => {
    const after = clone(base);
    after.facilities[0]!.phone = '0208 3855 111';
    after.facilities[0]!.address = 'Tân Cương';
    const full = summariseDiff(diffRegistry(base, after));
    expect(full.truncated).toBe(false);
    expect(full.changed).toEqual([
      {
        collection: 'facilities',
        id: 'hao-dat-thai-nguyen',
        field: 'phone',
        before: null,
        after: '0208 3855 111',
      },
      {
        collection: 'facilities',
        id: 'hao-dat-thai-nguyen',
        field: 'address',
        before: null,
        after: 'Tân Cương',
      },
    ]);
    const cut = summariseDiff(diffRegistry(base, after), 1);
    expect(cut.truncated).toBe(true);
    expect(cut.changed).toHaveLength(1);
    expect(cut.counts.facilities.changed).toBe(1);
    // The audit log stores JSON: nothing is lost by the round trip.
    expect(JSON.parse(JSON.stringify(full))).toEqual(full);
  });
});

describe('diff values for people', () => {
  it('names fields and codes in the page’s language', () => {
    expect(fieldLabel('validUntil', 'vi')).toBe('Hiệu lực đến');
    expect(fieldLabel('validUntil', 'en')).toBe('Valid until');
    expect(fieldLabel('somethingNew', 'vi')).toBe('somethingNew');
    expect(formatFieldValue('level', 'national', 'vi')).toBe('Cấp quốc gia (national)');
    expect(formatFieldValue('validUntil', '2027-12-31', 'vi')).toBe('31/12/2027');
    expect(formatFieldValue('score', 91.5, 'vi')).toBe('91,5');
    expect(formatFieldValue('score', 91.5, 'en')).toBe('91.5');
    expect(formatFieldValue('phone', undefined, 'en')).toBe('–');
    expect(formatFieldValue('isSet', true, 'vi')).toBe('có');
    expect(formatFieldValue('description', { vi: 'Chè ngon', en: 'Good tea' }, 'en')).toBe('Good tea');
    expect(
      formatFieldValue(
        'revocation',
        { date: '2025-01-02', reason: 'Ngừng sản xuất', decision: '12/QĐ' },
        'vi',
      ),
    ).toBe('02/01/2025: Ngừng sản xuất (12/QĐ)');
  });
});
