/**
 * Real `astro build`s of a twelve-product catalogue, three times over one image cache: cold,
 * unchanged, then with one photo redrawn. What the issue asks of processed images: an unchanged
 * rebuild does not encode them again, and a changed photo is the only one encoded again.
 * Builds go under the repository (.test-build/) because the built server resolves its packages
 * from the repository's node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSample } from '~scripts/sample/index';
import { runScript } from '../scripts/cli';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, '.test-build', `photo-cache-${process.pid}`);
const content = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const BUILD_TIMEOUT = 180_000;

interface BuildLog {
  encoded: string[];
  reused: string[];
}

/** Runs `astro build` on the test catalogue; the image lines of its log say what was encoded. */
function build(): BuildLog {
  const result = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: content,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: `${path.join(work, 'cache')}/`,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT,
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0)
    throw new Error(
      `astro build failed (${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-3000)}`,
    );
  // Astro colours its log when it thinks it may (CI=true does that): match the plain text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts each colour code
  const log = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = [...log.matchAll(/▶ (\/_astro\/\S+\.webp) \((before|reused cache entry)/g)];
  return {
    encoded: lines.filter((m) => m[2] === 'before').map((m) => m[1]!),
    reused: lines.filter((m) => m[2] !== 'before').map((m) => m[1]!),
  };
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

/** Every /_astro/ image a page asks for, in src or srcset. */
function imagesAskedFor(pages: string[]): Set<string> {
  const asked = new Set<string>();
  for (const page of pages) {
    for (const m of readFileSync(page, 'utf8').matchAll(/\/_astro\/[^\s"',]+\.webp/g)) asked.add(m[0]);
  }
  return asked;
}

/** The photo's name in Astro's output file names: `/_astro/{name}.{hash}_{transform}.webp`. */
const photoName = (url: string) => path.basename(url).split('.')[0]!;

let cold: BuildLog;
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await writeSample(content, { products: 12, seed: 7 });
  // Its own data folder and cache: prepare-build never opens the developer's database here.
  const photos = runScript('prepare-build.ts', [], {
    CONTENT_DIR: content,
    DATA_DIR: path.join(work, 'data'),
    ASTRO_CACHE_DIR: `${path.join(work, 'cache')}/`,
  });
  if (photos.status !== 0) throw new Error(`prepare-build failed:\n${photos.stderr}`);
  cold = build();
}, BUILD_TIMEOUT);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('processed photos across builds', () => {
  it('a cold build encodes each transform once, and every photo a page asks for is in the output', () => {
    expect(cold.encoded.length).toBeGreaterThan(10);
    expect(cold.reused).toEqual([]);
    expect(new Set(cold.encoded).size).toBe(cold.encoded.length);
    const asked = imagesAskedFor(htmlPages(path.join(outDir, 'client')));
    expect(asked.size).toBeGreaterThan(10);
    for (const url of asked) expect(existsSync(path.join(outDir, 'client', url)), url).toBe(true);
  });

  it(
    'an unchanged rebuild encodes none and reuses every one',
    () => {
      const warm = build();
      expect(warm.encoded).toEqual([]);
      expect(warm.reused.length).toBeGreaterThan(10);
      expect(warm.reused.sort()).toEqual([...cold.encoded].sort());
    },
    BUILD_TIMEOUT,
  );

  it(
    'a redrawn photo is encoded again, and only that one',
    async () => {
      const changed = cold.encoded[0]!;
      const name = photoName(changed);
      const photo = ['listings', 'registry']
        .map((collection) => path.join(content, collection, 'photos', `${name}.webp`))
        .find((file) => existsSync(file))!;
      writeFileSync(photo, await sharp(photo).negate({ alpha: false }).webp().toBuffer());

      const next = build();
      const transformsOfPhoto = cold.encoded.filter((url) => photoName(url) === name).length;
      expect(next.encoded.length).toBe(transformsOfPhoto);
      for (const url of next.encoded) {
        expect(photoName(url)).toBe(name);
        expect(cold.encoded).not.toContain(url);
      }
      expect(next.reused.length).toBe(cold.encoded.length - transformsOfPhoto);
    },
    BUILD_TIMEOUT,
  );
});
