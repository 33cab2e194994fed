import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  claimsMatch,
  looksLikeBadgeCode,
  MAX_BADGE_CODE_LENGTH,
  signBadgeCode,
  verifyBadgeCode,
} from '~/verification/badge-code';
import { createKeyring } from '~/verification/keyring';
import { certificate } from './fixtures';

const claims = { id: 'qg-2023-nmpq', level: 'national' as const, year: 2023, validUntil: '2026-12-31' };
const key = (kid: string) => ({ kid, privateKey: generateKeyPairSync('ed25519').privateKey });

describe('badge codes', () => {
  const ring = createKeyring([key('k1')]);
  const code = signBadgeCode(claims, ring.signer);

  it('binds id, level, year and valid-until, readable in the code', () => {
    expect(code).toMatch(/^b1\.qg-2023-nmpq\.n\.2023\.20261231\.k1\.[A-Za-z0-9_-]{86}$/);
    expect(looksLikeBadgeCode(` ${code} `)).toBe(true);
    expect(verifyBadgeCode(code, ring.verifiers)).toEqual({ ok: true, claims, kid: 'k1' });
  });

  it.each([
    ['id', code.replace('qg-2023-nmpq', 'qg-2023-nmpx')],
    ['level', code.replace('.n.2023.', '.r.2023.')],
    ['year', code.replace('.2023.2026', '.2024.2026')],
    ['valid-until', code.replace('20261231', '20291231')],
    ['key id', code.replace('.k1.', '.k2.')],
  ])('rejects a code whose %s was changed', (_field, tampered) => {
    expect(tampered).not.toBe(code);
    expect(verifyBadgeCode(tampered, ring.verifiers).ok).toBe(false);
  });

  it('rejects any changed signature character, including the last one (spare bits)', () => {
    const sigStart = code.lastIndexOf('.') + 1;
    for (const i of [sigStart, sigStart + 40, code.length - 1]) {
      for (const ch of ['A', 'B', 'Q', 'g', 'w', '_']) {
        if (code[i] === ch) continue;
        const tampered = code.slice(0, i) + ch + code.slice(i + 1);
        expect(verifyBadgeCode(tampered, ring.verifiers)).toEqual({ ok: false, reason: 'bad_signature' });
      }
    }
  });

  it('rejects a code signed by a key the programme does not have', () => {
    const forged = signBadgeCode(claims, key('k1'));
    expect(verifyBadgeCode(forged, ring.verifiers)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyBadgeCode(signBadgeCode(claims, key('zz')), ring.verifiers)).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
  });

  it('rejects malformed codes', () => {
    for (const bad of [
      'b1.',
      'b1.x',
      `${code}.extra`,
      code.replace('b1.', 'b2.'),
      code.replace('.n.', '.x.'),
      code.slice(0, -1),
    ]) {
      expect(verifyBadgeCode(bad, ring.verifiers).ok).toBe(false);
    }
  });

  it('still verifies codes of a rotated key: second signing key, or retired public key', () => {
    const old = key('2024');
    const oldCode = signBadgeCode(claims, old);
    const next = key('2025');
    const rotated = createKeyring([next, old]);
    expect(rotated.signer.kid).toBe('2025');
    expect(verifyBadgeCode(oldCode, rotated.verifiers).ok).toBe(true);
    expect(verifyBadgeCode(signBadgeCode(claims, rotated.signer), rotated.verifiers).ok).toBe(true);

    const retired = createKeyring([next], [{ kid: '2024', publicKey: rotated.verifiers.get('2024')! }]);
    expect(verifyBadgeCode(oldCode, retired.verifiers).ok).toBe(true);
    expect(retired.keys.map((k) => [k.kid, k.status])).toEqual([
      ['2025', 'active'],
      ['2024', 'retired'],
    ]);
  });

  it('fits the longest id and key id within MAX_BADGE_CODE_LENGTH', () => {
    const longest = signBadgeCode({ ...claims, id: 'a'.repeat(120) }, key('k'.repeat(32)));
    expect(longest.length).toBe(MAX_BADGE_CODE_LENGTH);
  });

  it('compares claims with the register', () => {
    const c = certificate({ id: 'qg-2023-nmpq', level: 'national', year: 2023, validUntil: '2026-12-31' });
    expect(claimsMatch(claims, c)).toBe(true);
    expect(claimsMatch(claims, { ...c, validUntil: '2027-06-30' })).toBe(false);
  });
});
