import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodePhoto } from '~/ui/photo-encoding';
import { prefetchPhoto, prefetchState, takePrefetched } from '~/ui/photo-prefetch';
import { samplePhoto } from './photo-fixtures';

let dir: string;
let file: string;
const encoding = { width: 320, format: 'webp', quality: 70 } as const;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'prefetch-'));
  file = path.join(dir, 'photo.webp');
  writeFileSync(file, await samplePhoto());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('photo prefetch', () => {
  it('encodes in the background what the image service will be asked for, handing it out once', async () => {
    prefetchPhoto({ src: '/_astro/a.webp', file, encoding, cacheFile: path.join(dir, 'not-cached.webp') });
    prefetchPhoto({ src: '/_astro/a.webp', file, encoding, cacheFile: path.join(dir, 'not-cached.webp') });
    expect(prefetchState()).toEqual({ waiting: 0, started: 1 });
    const early = takePrefetched('/_astro/a.webp', encoding);
    expect(early).toBeDefined();
    const expected = await encodePhoto(readFileSync(file), encoding);
    expect((await early!).equals(expected)).toBe(true);
    expect(takePrefetched('/_astro/a.webp', encoding)).toBeUndefined();
    expect(prefetchState()).toEqual({ waiting: 0, started: 0 });
  });

  it('keys each width and quality apart, and drops what has not started once Astro asks', async () => {
    const widths = { ...encoding, width: 600 };
    const quality = { ...encoding, quality: 80 };
    prefetchPhoto({ src: '/_astro/b.webp', file, encoding, cacheFile: path.join(dir, 'b1') });
    prefetchPhoto({ src: '/_astro/b.webp', file, encoding: widths, cacheFile: path.join(dir, 'b2') });
    prefetchPhoto({ src: '/_astro/b.webp', file, encoding: quality, cacheFile: path.join(dir, 'b3') });
    // One encode at a time: the first has started, the other two wait behind it.
    expect(prefetchState()).toEqual({ waiting: 2, started: 1 });
    const first = takePrefetched('/_astro/b.webp', encoding);
    expect(first).toBeDefined();
    expect(prefetchState()).toEqual({ waiting: 0, started: 0 });
    expect(takePrefetched('/_astro/b.webp', widths)).toBeUndefined();
    expect(takePrefetched('/_astro/b.webp', quality)).toBeUndefined();
    await first;
  });

  it('queues nothing for a transform Astro has cached', () => {
    const cacheFile = path.join(dir, 'cached.webp');
    writeFileSync(cacheFile, 'x');
    prefetchPhoto({ src: '/_astro/c.webp', file, encoding, cacheFile });
    expect(takePrefetched('/_astro/c.webp', encoding)).toBeUndefined();
  });

  it('lets a failed encode reject for its taker only, and the queue go on', async () => {
    prefetchPhoto({
      src: '/_astro/missing.webp',
      file: path.join(dir, 'missing.webp'),
      encoding,
      cacheFile: path.join(dir, 'm'),
    });
    prefetchPhoto({ src: '/_astro/d.webp', file, encoding, cacheFile: path.join(dir, 'd') });
    // The second starts once the first has failed.
    await vi.waitFor(() => expect(prefetchState()).toEqual({ waiting: 0, started: 2 }));
    await expect(takePrefetched('/_astro/missing.webp', encoding)).rejects.toThrow(/ENOENT/);
    expect((await takePrefetched('/_astro/d.webp', encoding)!).length).toBeGreaterThan(0);
  });
});
