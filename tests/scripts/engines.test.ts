/**
 * package.json's `engines.node` must not promise a Node version that a production dependency
 * refuses: every version it allows must be allowed by each installed production package.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Production packages whose engine is not binding, and why. undici 8 (Node ≥ 22.19) comes
 * with Astro's unifont, which imports it only for Astro's experimental fonts API behind an
 * HTTP proxy, inside a try/catch; this site's fonts come from @fontsource.
 */
const NOT_LOADED = new Set(['node_modules/undici']);

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('engines.node', () => {
  const declared: string = readJson('package.json').engines.node;
  const lock: { packages: Record<string, LockEntry> } = readJson('package-lock.json');
  const production = Object.entries(lock.packages)
    .filter(([where, entry]) => where !== '' && !entry.dev && !entry.devOptional)
    .map(([where]) => where)
    .filter((where) => existsSync(path.join(where, 'package.json')));

  it('is a valid range', () => {
    expect(semver.validRange(declared)).not.toBeNull();
  });

  it('allows no Node version that an installed production dependency refuses', () => {
    const refused = production
      .filter((where) => !NOT_LOADED.has(where))
      .map((where) => ({ where, node: readJson(path.join(where, 'package.json')).engines?.node as unknown }))
      .filter(
        (p): p is { where: string; node: string } =>
          typeof p.node === 'string' && !semver.subset(declared, p.node, { includePrerelease: false }),
      )
      .map((p) => `${p.where.replace(/^.*node_modules\//, '')} needs ${p.node}`);
    expect(refused, `package.json engines.node is "${declared}"`).toEqual([]);
  });

  it('is met by the Node running the tests', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });
});
