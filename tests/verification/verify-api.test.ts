import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { signBadgeCode } from '~/verification/badge-code';
import { handleVerify, type VerifyDeps } from '~/verification/verify-api';
import { AS_OF, sampleCatalogue, sampleData, testKeyring } from './fixtures';

const keyring = testKeyring();
const deps = (catalogue: Catalogue = sampleCatalogue()): VerifyDeps => ({
  catalogue: async () => catalogue,
  verifiers: () => keyring.verifiers,
  today: () => AS_OF,
});
const get = async (query: string, d = deps()) => {
  const res = await handleVerify(new Request(`http://localhost/api/verify${query}`), d);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
};
const claimsOf = (id: string) => {
  const c = sampleCatalogue().certificateById.get(id)!;
  return { id: c.id, level: c.level, year: c.year, validUntil: c.validUntil };
};

describe('GET /api/verify', () => {
  it('200 with status, certificate, product and facility for an id', async () => {
    const { status, headers, body } = await get('?code=tinh-2022-nmpq');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({
      status: 'superseded',
      asOf: AS_OF,
      validUntil: '2025-12-31',
      supersededBy: { id: 'qg-2023-nmpq', url: '/verify/qg-2023-nmpq/' },
      revocation: null,
      certificate: {
        id: 'tinh-2022-nmpq',
        number: 'Số 45/QĐ-UBND',
        level: 'province',
        year: 2022,
        issuedBy: 'UBND tỉnh Kiên Giang',
        province: { asListed: 'Kiên Giang', current: 'An Giang' },
        url: '/verify/tinh-2022-nmpq/',
      },
      product: {
        id: 'nuoc-mam-phu-quoc',
        name: 'Nước mắm Phú Quốc 40 độ đạm',
        group: 'food',
        url: '/products/nuoc-mam-phu-quoc/',
      },
      facility: {
        id: 'nuoc-mam-hung-thanh',
        province: 'An Giang',
        provinceAsListed: 'Kiên Giang',
        url: '/facilities/nuoc-mam-hung-thanh/',
      },
      badge: null,
    });
  });

  it('200 for a printed number typed loosely, with the revocation', async () => {
    const { status, body } = await get(`?code=${encodeURIComponent('so 173 gcn bct')}`);
    expect(status).toBe(200);
    expect(body.certificate.id).toBe('qg-2023-nmpq');
    const revoked = await get('?code=tinh-2022-am-chen');
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocation: { date: '2024-03-01', decision: '99/QĐ-UBND' },
    });
  });

  it('200 for a genuine badge code, saying whether it still matches the register', async () => {
    const code = signBadgeCode(claimsOf('kv-2024-binh-gom'), keyring.signer);
    const { status, body } = await get(`?code=${encodeURIComponent(code)}`);
    expect(status).toBe(200);
    expect(body.status).toBe('valid');
    expect(body.badge).toEqual({
      kid: 'test-1',
      claims: claimsOf('kv-2024-binh-gom'),
      matchesRegister: true,
    });

    const stale = signBadgeCode(
      { ...claimsOf('kv-2024-binh-gom'), validUntil: '2026-12-31' },
      keyring.signer,
    );
    expect((await get(`?code=${stale}`)).body.badge.matchesRegister).toBe(false);
  });

  it('400 bad_signature for a tampered or forged badge code', async () => {
    const code = signBadgeCode(claimsOf('tinh-2018-am-chen'), keyring.signer);
    const tampered = code.replace('20211231', '20291231');
    const forged = signBadgeCode(claimsOf('tinh-2018-am-chen'), testKeyring('test-1').signer);
    for (const bad of [tampered, forged, 'b1.garbage']) {
      const { status, body } = await get(`?code=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_signature');
    }
  });

  it('404 not_found for unknown codes, and for a genuine code of a certificate no longer in the register', async () => {
    expect(await get('?code=999%2FGCN')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    const data = sampleData();
    const code = signBadgeCode(claimsOf('kv-2024-binh-gom'), keyring.signer);
    const without = new Catalogue({
      ...data,
      certificates: data.certificates.filter((c) => c.id !== 'kv-2024-binh-gom'),
    });
    expect((await get(`?code=${code}`, deps(without))).status).toBe(404);
  });

  it('409 ambiguous for a number shared by several certificates', async () => {
    const { status, body } = await get('?code=12%2FGCN');
    expect(status).toBe(409);
    expect(body.error.message).toContain('tinh-2018-am-chen');
  });

  it('400 invalid_request for a missing, empty or oversized code', async () => {
    for (const q of ['', '?code=', '?code=%20%20', `?code=${'x'.repeat(300)}`]) {
      const { status, body } = await get(q);
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.fields.code).toBeTruthy();
    }
  });
});
