import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localSecret } from '~/security/local-secrets';

const CHILD = path.resolve('tests/security/fixtures/race-local-secret.ts');
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

function runChild(dataDir: string, startAt: number, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, CHILD, String(startAt), String(count)], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });
}

describe('localSecret', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.DATA_DIR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
  });

  it('gives every process racing on a fresh DATA_DIR the same non-empty value', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'secrets-race-'));
    const children = 8;
    const names = 300;
    // Far enough ahead for every child to have loaded tsx and the modules.
    const startAt = Date.now() + 6000;
    const results = await Promise.all(
      Array.from({ length: children }, () => runChild(dataDir, startAt, names)),
    );
    for (let i = 0; i <= names; i++) {
      const seen = new Set(results.map((values) => values[i]));
      expect(seen.size, `secret ${i}: ${[...seen].map((v) => JSON.stringify(v)).join(', ')}`).toBe(1);
      expect([...seen][0]!.length).toBeGreaterThan(20);
    }
    // No temporary file is left behind.
    expect(
      readdirSync(path.join(dataDir, 'secrets')).filter((f) => !/^(race-\d+|badge-signing-key)$/.test(f)),
    ).toEqual([]);
  }, 60_000);

  it('refuses an empty secret file left by a crash instead of signing with an empty key', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'secrets-empty-'));
    process.env.DATA_DIR = dataDir;
    expect(localSecret('link-signing-secret').length).toBeGreaterThan(20);
    writeFileSync(path.join(dataDir, 'secrets', 'link-signing-secret'), '');
    expect(() => localSecret('link-signing-secret')).toThrow(/is empty.*delete it/s);
  });
});
