/**
 * The programme's badge keys. BADGE_SIGNING_KEYS holds Ed25519 private keys as
 * "keyId:base64-pkcs8-der" separated by commas: the first signs new codes, every one verifies.
 * BADGE_VERIFY_KEYS holds retired public keys ("keyId:base64-spki-der") that only verify, so a
 * rotated-out private key can be destroyed while the codes printed with it stay genuine.
 * Without configuration a development key is created under DATA_DIR/secrets on first use.
 *
 * Only the server signs (badge images are rendered on request), so the build never needs the
 * keys; the server and `npm run` tools agree because they read the same variables and DATA_DIR.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { env } from '~/config/env';
import { localSecret } from '~/security/local-secrets';
import { type BadgeSigner, KEY_ID_PATTERN } from './badge-code';

export interface VerifyingKey {
  kid: string;
  publicKey: KeyObject;
  /** "active": its private key is configured; "retired": verify-only. */
  status: 'active' | 'retired';
}

export interface Keyring {
  signer: BadgeSigner;
  verifiers: ReadonlyMap<string, KeyObject>;
  keys: readonly VerifyingKey[];
}

function entries(text: string, variable: string): { kid: string; der: Buffer }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, index) => {
      const colon = part.indexOf(':');
      const kid = colon > 0 ? part.slice(0, colon) : '';
      if (!KEY_ID_PATTERN.test(kid)) {
        throw new Error(
          `${variable} entry ${index + 1}: expected "keyId:base64", key ids are 1–32 of A–Z a–z 0–9 _ -`,
        );
      }
      return { kid, der: Buffer.from(part.slice(colon + 1), 'base64') };
    });
}

function asEd25519(key: KeyObject, variable: string, kid: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${variable} key "${kid}" is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, expected ed25519`,
    );
  }
  return key;
}

export function parseSigningKeys(text: string, variable = 'BADGE_SIGNING_KEYS'): BadgeSigner[] {
  return entries(text, variable).map(({ kid, der }) => {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      throw new Error(`${variable} key "${kid}" is not a base64 PKCS#8 DER private key`);
    }
    return { kid, privateKey: asEd25519(key, variable, kid) };
  });
}

export function parseVerifyKeys(
  text: string,
  variable = 'BADGE_VERIFY_KEYS',
): { kid: string; publicKey: KeyObject }[] {
  return entries(text, variable).map(({ kid, der }) => {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      throw new Error(`${variable} key "${kid}" is not a base64 SPKI DER public key`);
    }
    return { kid, publicKey: asEd25519(key, variable, kid) };
  });
}

export function createKeyring(
  signing: readonly BadgeSigner[],
  retired: readonly { kid: string; publicKey: KeyObject }[] = [],
): Keyring {
  const [signer] = signing;
  if (!signer) throw new Error('BADGE_SIGNING_KEYS: at least one signing key is needed');
  const keys: VerifyingKey[] = [
    ...signing.map((s) => ({
      kid: s.kid,
      publicKey: createPublicKey(s.privateKey),
      status: 'active' as const,
    })),
    ...retired.map((r) => ({ ...r, status: 'retired' as const })),
  ];
  const verifiers = new Map<string, KeyObject>();
  for (const k of keys) {
    if (verifiers.has(k.kid)) throw new Error(`badge key id "${k.kid}" is used twice`);
    verifiers.set(k.kid, k.publicKey);
  }
  return { signer, verifiers, keys };
}

/** A new signing key in the BADGE_SIGNING_KEYS format ("keyId:base64-pkcs8-der"). */
export function generateSigningKey(kid: string): string {
  if (!KEY_ID_PATTERN.test(kid)) throw new Error(`invalid key id "${kid}"`);
  const { privateKey } = generateKeyPairSync('ed25519');
  return `${kid}:${privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`;
}

/** The public half of a signing entry, in the BADGE_VERIFY_KEYS format (for retiring it). */
export function publicEntry(signer: BadgeSigner): string {
  return `${signer.kid}:${createPublicKey(signer.privateKey).export({ format: 'der', type: 'spki' }).toString('base64')}`;
}

let cached: Keyring | undefined;

/** The keys from configuration, or the development key under DATA_DIR. Cached per process. */
export function serverKeyring(): Keyring {
  if (cached) return cached;
  const { BADGE_SIGNING_KEYS, BADGE_VERIFY_KEYS } = env();
  const signing =
    BADGE_SIGNING_KEYS ??
    localSecret('badge-signing-key', () => generateSigningKey(`dev-${randomBytes(3).toString('hex')}`));
  cached = createKeyring(
    parseSigningKeys(signing),
    BADGE_VERIFY_KEYS ? parseVerifyKeys(BADGE_VERIFY_KEYS) : [],
  );
  return cached;
}

/** For tests that change BADGE_* or DATA_DIR between cases. */
export function resetKeyringCache(): void {
  cached = undefined;
}

/**
 * The published key set (/.well-known/cnnt-verification-keys.json): JWK public keys by key id,
 * and how a code is built, so anyone can verify a badge offline.
 */
export function publicKeySet(keyring: Keyring) {
  return {
    codeFormat:
      'b1.{certificateId}.{level: n|r|p|d|c}.{year}.{validUntil: yyyymmdd}.{kid}.{signature}; ' +
      'signature = Ed25519 over the UTF-8 text before the last dot, unpadded base64url',
    keys: keyring.keys.map((k) => {
      const jwk = k.publicKey.export({ format: 'jwk' });
      return { kid: k.kid, kty: jwk.kty, crv: jwk.crv, x: jwk.x, alg: 'EdDSA', use: 'sig', status: k.status };
    }),
  };
}
