import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { signBadgeCode, verifyBadgeCode } from '~/verification/badge-code';
import {
  generateSigningKey,
  parseSigningKeys,
  parseVerifyKeys,
  publicEntry,
  publicKeySet,
  resetKeyringCache,
  serverKeyring,
} from '~/verification/keyring';

const claims = { id: 'x-1', level: 'province' as const, year: 2022, validUntil: '2025-12-31' };

function withEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetKeyringCache();
}

describe('badge keyring', () => {
  const saved = {
    DATA_DIR: process.env.DATA_DIR,
    BADGE_SIGNING_KEYS: process.env.BADGE_SIGNING_KEYS,
    BADGE_VERIFY_KEYS: process.env.BADGE_VERIFY_KEYS,
  };
  afterEach(() => withEnv(saved));

  it('parses "keyId:base64-pkcs8" lists; the first key signs', () => {
    const text = `${generateSigningKey('a')}, ${generateSigningKey('b')}`;
    expect(parseSigningKeys(text).map((s) => s.kid)).toEqual(['a', 'b']);
  });

  it('names the entry and the problem for bad configuration', () => {
    expect(() => parseSigningKeys('nocolon')).toThrow(/BADGE_SIGNING_KEYS entry 1: expected "keyId:base64"/);
    expect(() => parseSigningKeys('a.b:AAAA')).toThrow(/entry 1/);
    expect(() => parseSigningKeys('k:bm90IGEga2V5')).toThrow(
      /key "k" is not a base64 PKCS#8 DER private key/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64');
    expect(() => parseSigningKeys(`r:${rsa}`)).toThrow(/key "r" is rsa, expected ed25519/);
    expect(() => parseVerifyKeys('v:AAAA')).toThrow(
      /BADGE_VERIFY_KEYS key "v" is not a base64 SPKI DER public key/,
    );
  });

  it('creates a development key under DATA_DIR once, and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keys-'));
    withEnv({ DATA_DIR: dir, BADGE_SIGNING_KEYS: undefined, BADGE_VERIFY_KEYS: undefined });
    const first = serverKeyring();
    expect(first.signer.kid).toMatch(/^dev-[0-9a-f]{6}$/);
    const stored = readFileSync(path.join(dir, 'secrets', 'badge-signing-key'), 'utf8');
    expect(stored.startsWith(`${first.signer.kid}:`)).toBe(true);
    const code = signBadgeCode(claims, first.signer);
    resetKeyringCache();
    const again = serverKeyring();
    expect(again.signer.kid).toBe(first.signer.kid);
    expect(verifyBadgeCode(code, again.verifiers).ok).toBe(true);
  });

  it('uses configured keys, with retired keys verify-only, and publishes them as JWK', () => {
    const current = generateSigningKey('2025');
    const retired = parseSigningKeys(generateSigningKey('2023'))[0]!;
    withEnv({ BADGE_SIGNING_KEYS: current, BADGE_VERIFY_KEYS: publicEntry(retired) });
    const ring = serverKeyring();
    expect(ring.signer.kid).toBe('2025');
    expect(verifyBadgeCode(signBadgeCode(claims, retired), ring.verifiers).ok).toBe(true);
    const set = publicKeySet(ring);
    expect(set.keys.map((k) => [k.kid, k.kty, k.crv, k.alg, k.status])).toEqual([
      ['2025', 'OKP', 'Ed25519', 'EdDSA', 'active'],
      ['2023', 'OKP', 'Ed25519', 'EdDSA', 'retired'],
    ]);
    expect(set.keys[0]!.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(set)).not.toMatch(/"d"/);
  });

  it('refuses a key id used twice', () => {
    const a = generateSigningKey('same');
    withEnv({ BADGE_SIGNING_KEYS: `${a},${generateSigningKey('same')}`, BADGE_VERIFY_KEYS: undefined });
    expect(() => serverKeyring()).toThrow(/badge key id "same" is used twice/);
  });
});
