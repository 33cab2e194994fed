/**
 * The product page's <live-offer> (src/commerce/client/live-offer.ts): which parts it swaps,
 * and its size (the brief: at most 2 KB gzipped, bundled as the browser gets it).
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { partsToSwap } from '~/commerce/client/live-parts';

describe('partsToSwap', () => {
  const page = new Map([
    ['gallery', 'g1'],
    ['offer', 'o1'],
    ['details', 'd1'],
  ]);
  const onPage = (name: string) => page.get(name);

  it('swaps nothing when every version matches the page (an unchanged product)', () => {
    expect(
      partsToSwap(onPage, [
        { name: 'gallery', version: 'g1' },
        { name: 'offer', version: 'o1' },
        { name: 'details', version: 'd1' },
      ]),
    ).toEqual([]);
  });

  it('swaps exactly the parts whose version differs', () => {
    expect(
      partsToSwap(onPage, [
        { name: 'gallery', version: 'g1' },
        { name: 'offer', version: 'o2' },
        { name: 'details', version: 'd2' },
      ]),
    ).toEqual(['offer', 'details']);
  });

  it('leaves out parts the page lacks, parts without a version and names that are not plain words', () => {
    expect(
      partsToSwap(onPage, [
        { name: 'reviews', version: 'r1' },
        { name: 'offer', version: undefined },
        { name: 'offer"],[x', version: 'o2' },
      ]),
    ).toEqual([]);
  });
});

it('ships at most 2 KB gzipped', async () => {
  const result = await build({
    entryPoints: ['src/commerce/client/live-offer.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const bytes = gzipSync(result.outputFiles[0]!.contents).length;
  console.log(`live-offer: ${bytes} bytes gzipped`);
  expect(bytes).toBeLessThanOrEqual(2048);
});
