import { describe, expect, it } from 'vitest';
import { certificateStatus, defaultValidUntil, supersedes } from '~/catalogue/certificate-status';
import type { Certificate } from '~/catalogue/schemas';

function cert(overrides: Partial<Certificate> & Pick<Certificate, 'id' | 'level' | 'year'>): Certificate {
  return {
    productId: 'p',
    facilityId: 'f',
    issuedBy: 'Bộ Công Thương',
    validUntil: defaultValidUntil(overrides.year),
    provinceAsListed: 'Hà Nội',
    ...(overrides.level === 'regional' && { region: 'north' as const }),
    ...overrides,
  };
}

describe('certificate status', () => {
  const c2023 = cert({ id: 'a', level: 'national', year: 2023, issuedOn: '2023-11-15' });

  it('is valid to 31 December of the fourth year and expired the day after', () => {
    expect(defaultValidUntil(2023)).toBe('2026-12-31');
    expect(certificateStatus(c2023, [c2023], '2023-11-15').status).toBe('valid');
    expect(certificateStatus(c2023, [c2023], '2026-12-31').status).toBe('valid');
    expect(certificateStatus(c2023, [c2023], '2027-01-01').status).toBe('expired');
  });

  it('is revoked from its revocation date, not before', () => {
    const revoked = { ...c2023, revocation: { date: '2024-05-10', reason: 'Cơ sở ngừng sản xuất' } };
    expect(certificateStatus(revoked, [revoked], '2024-05-09').status).toBe('valid');
    expect(certificateStatus(revoked, [revoked], '2024-05-10').status).toBe('revoked');
    expect(certificateStatus(revoked, [revoked], '2030-01-01').status).toBe('revoked');
  });

  it('is superseded by a newer certificate at the same level', () => {
    const older = cert({ id: 'r20', level: 'regional', year: 2020 });
    const newer = cert({ id: 'r22', level: 'regional', year: 2022, issuedOn: '2022-10-01' });
    expect(supersedes(newer, older)).toBe(true);
    expect(certificateStatus(older, [older, newer], '2022-09-30').status).toBe('valid');
    expect(certificateStatus(older, [older, newer], '2022-10-01')).toEqual({
      status: 'superseded',
      supersededBy: 'r22',
    });
  });

  it('is superseded by a higher level, and the highest replacement is shown', () => {
    const province = cert({ id: 't19', level: 'province', year: 2019 });
    const regional = cert({ id: 'kv20', level: 'regional', year: 2020 });
    const national = cert({ id: 'qg21', level: 'national', year: 2021 });
    expect(certificateStatus(province, [province, regional, national], '2022-01-01')).toEqual({
      status: 'superseded',
      supersededBy: 'qg21',
    });
    expect(certificateStatus(regional, [province, regional, national], '2022-01-01').supersededBy).toBe(
      'qg21',
    );
    expect(certificateStatus(national, [province, regional, national], '2022-01-01').status).toBe('valid');
  });

  it('is not superseded by a newer certificate at a lower level', () => {
    const national = cert({ id: 'qg21', level: 'national', year: 2021 });
    const province = cert({ id: 't23', level: 'province', year: 2023 });
    expect(supersedes(province, national)).toBe(false);
    expect(certificateStatus(national, [national, province], '2024-01-01').status).toBe('valid');
  });

  it('is not superseded by a revoked replacement', () => {
    const older = cert({ id: 'kv20', level: 'regional', year: 2020 });
    const newer = cert({
      id: 'qg21',
      level: 'national',
      year: 2021,
      revocation: { date: '2022-03-01', reason: 'Vi phạm quy định' },
    });
    expect(certificateStatus(older, [older, newer], '2021-06-01').status).toBe('superseded');
    expect(certificateStatus(older, [older, newer], '2022-03-01').status).toBe('valid');
  });

  it('ignores certificates of other products', () => {
    const mine = cert({ id: 'a', level: 'province', year: 2019 });
    const other = cert({ id: 'b', level: 'national', year: 2021, productId: 'other' });
    expect(certificateStatus(mine, [mine, other], '2020-01-01').status).toBe('valid');
  });
});
