/**
 * Publishing to running servers: two real server processes (each its own embedded database, one
 * builds folder) follow `publish` and `rollback` with no failed request under a request loop;
 * a build that cannot serve is never switched to; one publish at a time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishBusyError, PublishError, publish, readPointer, rollback } from '~/publishing/astro';
import { buildPaths } from '~/publishing/builds-dir';
import { takePublishLock } from '~/publishing/publish-lock';
import { makeFakeBuild } from './fixtures/fake-build';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/serve-live.ts');
const work = mkdtempSync(path.join(tmpdir(), 'publish-live-'));
const builds = path.join(work, 'builds');
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(name: string): Promise<string> {
  // Each server its own embedded database: what they share is the builds folder.
  const { DATABASE_URL: _db, ASTRO_OUT_DIR: _out, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: root,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATA_DIR: path.join(work, `data-${name}`),
      BUILDS_DIR: builds,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server ${name} exited ${code}: ${err}`)));
  });
}

const options = { root: builds, contentFiles: [], requestedBy: 'test' };
const serves = async (url: string) => (await (await fetch(`${url}/`)).text()).trim();
const healthBuild = async (url: string) =>
  ((await (await fetch(`${url}/healthz`)).json()) as { build?: string }).build;

/** Requests both servers without pause until stopped; every answer must be 200 from a known build. */
function requestLoop(urls: string[]) {
  let stop = false;
  const seen = new Set<string>();
  const failures: string[] = [];
  let count = 0;
  const worker = async (url: string) => {
    while (!stop) {
      try {
        const r = await fetch(`${url}/`);
        const body = (await r.text()).trim();
        if (r.status !== 200) failures.push(`${r.status} ${body}`);
        else seen.add(body);
        count += 1;
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const running = Promise.all(urls.flatMap((u) => [worker(u), worker(u), worker(u)]));
  return {
    async end() {
      stop = true;
      await running;
      return { failures, seen, count };
    },
  };
}

let urls: string[] = [];

beforeAll(async () => {
  await publish({ ...options, from: makeFakeBuild(path.join(work, 'src-a'), 'A') });
  urls = await Promise.all([startServer('one'), startServer('two')]);
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  rmSync(work, { recursive: true, force: true });
});

describe('publish to running servers', () => {
  it('serves the live build at start', async () => {
    for (const url of urls) expect(await serves(url)).toBe('A');
    const live = await readPointer(buildPaths(builds).live);
    expect(await healthBuild(urls[0]!)).toBe(live!.build);
  });

  it('switches both servers with no failed request, and rolls back in under a second', async () => {
    const loop = requestLoop(urls);
    await new Promise((r) => setTimeout(r, 300));
    const published = await publish({ ...options, from: makeFakeBuild(path.join(work, 'src-b'), 'B') });
    expect(published.instances).toBe(2);
    expect(published.switchMs).toBeLessThan(1000);
    for (const url of urls) expect(await serves(url)).toBe('B');
    const back = await rollback(options);
    expect(back.switchMs).toBeLessThan(1000);
    expect(back.previous).toBe(published.build);
    await new Promise((r) => setTimeout(r, 300));
    const { failures, seen, count } = await loop.end();
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(['A', 'B']);
    expect(count).toBeGreaterThan(100);
    for (const url of urls) expect(await serves(url)).toBe('A');
  }, 60_000);

  it('updates what follows the build after the servers loaded it and before they switch', async () => {
    const seen: string[] = [];
    const result = await publish({
      ...options,
      from: makeFakeBuild(path.join(work, 'src-s'), 'S'),
      beforeSwitch: async (build) => {
        const health = await Promise.all(urls.map(healthBuild));
        seen.push(`${build}: ${health.join(',')}`);
      },
    });
    const before = (await readPointer(buildPaths(builds).live))!.previous;
    // Called once, with the new build, while both servers still served the previous one.
    expect(seen).toEqual([`${result.build}: ${before},${before}`]);
    for (const url of urls) expect(await serves(url)).toBe('S');
    // Back to the newest kept build older than S: B, published before and rolled back from.
    await rollback(options);
    for (const url of urls) expect(await serves(url)).toBe('B');
  });

  it('never switches to a build that cannot serve, and removes it', async () => {
    const before = await readPointer(buildPaths(builds).live);
    const served = await serves(urls[0]!);
    await expect(
      publish({ ...options, from: makeFakeBuild(path.join(work, 'src-c'), 'C', { broken: true }) }),
    ).rejects.toThrow(/could not load build .*api\/search.*500/);
    expect((await readPointer(buildPaths(builds).live))?.build).toBe(before?.build);
    for (const url of urls) expect(await serves(url)).toBe(served);
  }, 60_000);

  it('refuses an incomplete build before any server loads it', async () => {
    await expect(
      publish({ ...options, from: makeFakeBuild(path.join(work, 'src-d'), 'D', { omit: 'page' }) }),
    ).rejects.toThrow(/1 page\(s\) listed in the sitemaps are missing, e\.g\. \/en\//);
    await expect(
      publish({ ...options, from: makeFakeBuild(path.join(work, 'src-e'), 'E', { omit: 'stamp' }) }),
    ).rejects.toThrow(/build stamp/);
  });

  it('runs one publish at a time', async () => {
    const release = await takePublishLock(buildPaths(builds).lock, 'someone else', 'publish');
    try {
      await expect(publish({ ...options, from: path.join(work, 'src-b') })).rejects.toBeInstanceOf(
        PublishBusyError,
      );
      await expect(rollback(options)).rejects.toThrow(/another publish is running .*someone else/);
    } finally {
      await release();
    }
  });

  it('keeps the last three builds', async () => {
    for (const label of ['F', 'G', 'H']) {
      await publish({ ...options, from: makeFakeBuild(path.join(work, `src-${label}`), label) });
    }
    const { listBuilds } = await import('~/publishing/astro');
    const kept = await listBuilds(builds);
    expect(kept).toHaveLength(3);
    const live = await readPointer(buildPaths(builds).live);
    expect(kept[0]!.id).toBe(live!.build);
    for (const url of urls) expect(await serves(url)).toBe('H');
    // Nothing older than the newest three is left on disk either.
    const first = (await import('node:fs')).readdirSync(builds).filter((n) => /^\d{8}-/.test(n));
    expect(first.sort()).toEqual(kept.map((b) => b.id).sort());
    expect(existsSync(path.join(builds, 'publish.lock'))).toBe(false);
  }, 60_000);

  it('says when there is nothing to roll back to', async () => {
    const empty = path.join(work, 'empty-builds');
    await expect(rollback({ ...options, root: empty })).rejects.toBeInstanceOf(PublishError);
  });
});
