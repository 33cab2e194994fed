/** The publish command's pure parts and its files: retention, build output progress, checks, lock, job. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuild, onDemandPatterns } from '~/publishing/build-check';
import { buildsToRemove } from '~/publishing/build-list';
import { describeProgress, newBuildProgress, readBuildLine } from '~/publishing/build-progress';
import { BUILD_ID, newBuildId } from '~/publishing/builds-dir';
import { startPublishJob } from '~/publishing/publish-job';
import { PublishBusyError, takePublishLock } from '~/publishing/publish-lock';
import { readPublishStatus } from '~/publishing/publish-status';
import { makeFakeBuild } from './fixtures/fake-build';

const temp = () => mkdtempSync(path.join(tmpdir(), 'publishing-'));

describe('which builds are removed', () => {
  const ids = [
    '20261201-100000000-aaaa',
    '20261201-110000000-bbbb',
    '20261201-120000000-cccc',
    '20261201-130000000-dddd',
  ];
  it('keeps the newest three', () => {
    expect(buildsToRemove(ids, [], new Set())).toEqual([ids[0]]);
  });
  it('never removes a build that is live or still served', () => {
    expect(buildsToRemove(ids, [], new Set([ids[0]!]))).toEqual([]);
  });
  it('removes abandoned unpublished folders only when old', () => {
    const unpublished = [
      { id: 'x-young', ageMs: 60_000 },
      { id: 'x-old', ageMs: 7 * 3600_000 },
    ];
    expect(buildsToRemove(ids.slice(1), unpublished, new Set())).toEqual(['x-old']);
  });
});

describe('build ids', () => {
  it('sort by time to the millisecond', () => {
    const a = newBuildId(new Date('2026-12-01T10:00:00.001Z'));
    const b = newBuildId(new Date('2026-12-01T10:00:00.002Z'));
    expect(a < b).toBe(true);
    expect(a).toMatch(BUILD_ID);
  });
});

describe('build progress', () => {
  it('counts pages and images and passes phases through', () => {
    const p = newBuildProgress();
    expect(readBuildLine(p, '11:36:03 [build] Building server entrypoints...')).toBe(
      '[build] Building server entrypoints...',
    );
    expect(readBuildLine(p, '11:36:12   ├─ /cart/index.html (+8ms) ')).toBeNull();
    expect(readBuildLine(p, '11:36:12   └─ /en/cart/index.html (+8ms) ')).toBeNull();
    expect(readBuildLine(p, ' generating optimized images ')).toBe('generating optimized images');
    expect(
      readBuildLine(p, '11:37:03   ▶ /_astro/x.webp (before: 5kB, after: 5kB) (+18ms) (2626/5640)'),
    ).toBeNull();
    expect(p).toMatchObject({ pages: 2, images: 2626, imagesTotal: 5640, phase: 'images' });
    expect(describeProgress(p, 'vi')).toBe('đang dựng (images): 2 trang, 2.626/5.640 ảnh');
  });
});

describe('build checks', () => {
  it('accepts a complete build and names what an incomplete one lacks', async () => {
    const dir = temp();
    expect((await checkBuild(makeFakeBuild(path.join(dir, 'ok'), 'ok'))).problems).toEqual([]);
    for (const [omit, message] of [
      ['entry', /server\/entry\.mjs is missing/],
      ['stamp', /build stamp/],
      ['csp', /csp-hashes\.json is missing or invalid/],
      ['page', /1 page\(s\) listed in the sitemaps are missing, e\.g\. \/en\//],
    ] as const) {
      const { problems } = await checkBuild(makeFakeBuild(path.join(dir, omit), omit, { omit }));
      expect(problems.join('\n')).toMatch(message);
    }
  });

  it('lets an on-demand page of the server manifest stand for a missing file', async () => {
    const dir = makeFakeBuild(path.join(temp(), 'b'), 'b', { omit: 'page' });
    writeFileSync(
      path.join(dir, 'server', 'manifest_x.mjs'),
      `const manifest = deserializeManifest({"routes":[{"routeData":{"type":"page","pattern":"^\\\\/en\\\\/$","prerender":false}}]});\nexport { manifest };\n`,
    );
    expect((await onDemandPatterns(path.join(dir, 'server'))).map(String)).toEqual(['/^\\/en\\/$/']);
    expect((await checkBuild(dir)).problems).toEqual([]);
  });
});

describe('the publish lock', () => {
  it('refuses a second holder and takes over from a dead one', async () => {
    const file = path.join(temp(), 'publish.lock');
    const release = await takePublishLock(file, 'a', 'publish');
    await expect(takePublishLock(file, 'b', 'publish')).rejects.toBeInstanceOf(PublishBusyError);
    await release();
    expect(existsSync(file)).toBe(false);
    // A holder whose process is gone (pid far above any live one).
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 7, since: 'then', by: 'x', action: 'publish' }));
    const again = await takePublishLock(file, 'c', 'publish');
    expect(JSON.parse(readFileSync(file, 'utf8')).by).toBe('c');
    await again();
  });
});

describe('a publish started from the console', () => {
  it('runs the command as its own process with who asked, and says so in the status', async () => {
    const root = temp();
    const marker = path.join(root, 'args.json');
    const previous = process.env.BUILDS_DIR;
    process.env.BUILDS_DIR = root;
    try {
      const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, JSON.stringify(process.argv.slice(1)))`;
      const { pid } = await startPublishJob('op@example.vn', [process.execPath, '-e', script, '--']);
      expect(await readPublishStatus(path.join(root, 'status.json'))).toMatchObject({
        pid,
        state: 'running',
        by: 'op@example.vn',
      });
      for (let i = 0; i < 100 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
      expect(JSON.parse(readFileSync(marker, 'utf8'))).toEqual(['--requested-by', 'op@example.vn']);
      // While a publish holds the lock, the console cannot start another.
      const release = await takePublishLock(path.join(root, 'publish.lock'), 'other@example.vn', 'publish');
      await expect(startPublishJob('op@example.vn', [process.execPath, '-e', ''])).rejects.toBeInstanceOf(
        PublishBusyError,
      );
      await release();
    } finally {
      if (previous === undefined) delete process.env.BUILDS_DIR;
      else process.env.BUILDS_DIR = previous;
    }
  });
});
