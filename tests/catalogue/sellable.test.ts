import { describe, expect, it } from 'vitest';
import { Catalogue, isSellable } from '~/catalogue';
import { FIXTURE_CERTIFICATES, fixtureCatalogue } from '~tests/commerce/fixtures';

const [fishSauce] = FIXTURE_CERTIFICATES;

function withCertificates(certificates: object[]): Catalogue {
  const base = fixtureCatalogue();
  return new Catalogue({ ...base.data, certificates } as Catalogue['data']);
}

describe('isSellable', () => {
  it('sells a product while one certificate is not revoked, expired or superseded included', () => {
    const expired = { ...fishSauce!, validUntil: '2024-12-31' };
    expect(isSellable(withCertificates([expired]), 'nuoc-mam-phu-quoc', '2026-03-01')).toBe(true);
    const revokedOld = {
      ...fishSauce!,
      id: 'old',
      year: 2021,
      revocation: { date: '2025-01-01', reason: 'vi phạm' },
    };
    expect(isSellable(withCertificates([fishSauce!, revokedOld]), 'nuoc-mam-phu-quoc', '2026-03-01')).toBe(
      true,
    );
  });

  it('does not sell a product whose every certificate is revoked, from the revocation date', () => {
    const revoked = { ...fishSauce!, revocation: { date: '2026-02-01', reason: 'vi phạm chất lượng' } };
    const catalogue = withCertificates([revoked]);
    expect(isSellable(catalogue, 'nuoc-mam-phu-quoc', '2026-01-31')).toBe(true);
    expect(isSellable(catalogue, 'nuoc-mam-phu-quoc', '2026-02-01')).toBe(false);
  });

  it('does not sell a product without any certificate', () => {
    expect(isSellable(withCertificates([]), 'nuoc-mam-phu-quoc', '2026-03-01')).toBe(false);
  });
});
