/**
 * Site build benchmark: wall time, pages per second and peak RSS of `astro build` on the default
 * sample and on 12,000 products, each cold (empty cache) and again unchanged (warm: processed
 * images come from the cache), beside Astro's floor on this machine:
 * a throwaway project under .bench/ rendering one trivial [id].astro page as many times.
 * Each build has its own output and cache folders under .bench/, so dist/ is never touched.
 * Beside them, the time to merely write pages of the same sizes: the part of the gap that is disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hasCatalogue } from '~/catalogue/content-files';
import type { BenchContext } from '../lib/bench-context';

const LARGE = 12_000;
const BENCH = path.resolve('.bench');

interface Timed {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** Runs a command under GNU time: wall clock and the peak RSS of the largest process. */
function timed(command: string[], env: Record<string, string>, cwd = process.cwd()): Timed {
  const stats = path.join(BENCH, `time-${process.pid}.txt`);
  const result = spawnSync('/usr/bin/time', ['-v', '-o', stats, ...command], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`${command.join(' ')} failed (${result.status}):\n${output.slice(-3000)}`);
  const report = readFileSync(stats, 'utf8');
  rmSync(stats);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(report)!;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)![1]);
  return { seconds, peakRssMb: Math.round(rssKb / 1024), output };
}

/** The HTML pages under `dir`, as paths relative to it. */
function htmlFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...htmlFiles(dir, relative));
    else if (entry.name.endsWith('.html')) files.push(relative);
  }
  return files;
}

/**
 * Seconds to write the same pages again (same folders, same sizes) one after another, as Astro
 * writes them, with no rendering at all: how much of a build is this disk. The floor's pages
 * are ~150 bytes; catalogue pages are 8–23 KB. Only sizes are kept (80,000 pages' bytes would
 * be over a gigabyte in this process); what the bytes are does not change what writing costs.
 */
async function rewriteSeconds(clientDir: string): Promise<number> {
  const target = path.join(BENCH, 'rewrite');
  rmSync(target, { recursive: true, force: true });
  const pages = htmlFiles(clientDir).map((file) => ({
    file,
    size: statSync(path.join(clientDir, file)).size,
  }));
  const filler = Buffer.alloc(
    pages.reduce((most, p) => Math.max(most, p.size), 0),
    'x',
  );
  const started = performance.now();
  for (const { file, size } of pages) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), filler.subarray(0, size));
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(target, { recursive: true, force: true });
  return seconds;
}

/** A one-page Astro project that renders a trivial page `pages` times: the cost of Astro itself. */
function floorBuild(pages: number): Timed {
  const root = path.join(BENCH, `floor-${pages}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'src/pages'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    "export default { output: 'static', trailingSlash: 'always', build: { format: 'directory' } };\n",
  );
  writeFileSync(
    path.join(root, 'src/pages/[id].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } }));\n}\nconst { id } = Astro.params;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>Page {id}</title></head><body><h1>Page {id}</h1></body></html>\n`,
  );
  // Resolves astro from the repository's node_modules (the folder sits inside it).
  return timed(['npx', 'astro', 'build', '--root', root], { ASTRO_TELEMETRY_DISABLED: '1' });
}

function siteBuild(
  name: string,
  contentDir: string,
  cold: boolean,
): Timed & { pages: number; imagesEncoded: number; imagesReused: number } {
  const outDir = path.join(BENCH, `dist-${name}`);
  const cacheDir = path.join(BENCH, `cache-${name}`);
  if (cold) rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const env = {
    CONTENT_DIR: contentDir,
    ASTRO_OUT_DIR: outDir,
    ASTRO_CACHE_DIR: `${cacheDir}/`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const run = timed(['npx', 'astro', 'build'], env);
  return {
    ...run,
    pages: htmlFiles(path.join(outDir, 'client')).length,
    imagesEncoded: (run.output.match(/\(before: /g) ?? []).length,
    imagesReused: (run.output.match(/reused cache entry/g) ?? []).length,
  };
}

function prepare(contentDir: string, products?: number): number {
  if (products !== undefined && !hasCatalogue(contentDir)) {
    timed(['npx', 'tsx', 'scripts/sample.ts', '--products', String(products), '--out', contentDir], {});
  }
  // Photos are drawn before the build (npm run build does the same); not part of the build time.
  return timed(['npx', 'tsx', 'scripts/prepare-build.ts'], { CONTENT_DIR: contentDir }).seconds;
}

export async function run(ctx: BenchContext): Promise<void> {
  mkdirSync(BENCH, { recursive: true });
  const sizes = [
    { name: 'default', contentDir: path.resolve('content') },
    { name: String(LARGE), contentDir: path.join(BENCH, `content-${LARGE}`), products: LARGE },
  ];
  for (const size of sizes) {
    const photosSeconds = prepare(size.contentDir, size.products);
    // The machine may be shared: the load average says how comparable the numbers are.
    const loadAverage = os.loadavg()[0]!.toFixed(1);
    const cold = siteBuild(size.name, size.contentDir, true);
    const warm = siteBuild(size.name, size.contentDir, false);
    const floor = floorBuild(cold.pages);
    const rewrite = await rewriteSeconds(path.join(BENCH, `dist-${size.name}`, 'client'));
    const r = (n: number) => Math.round(n * 10) / 10;
    ctx.record(`site build ${size.name}`, {
      pages: cold.pages,
      coldSeconds: r(cold.seconds),
      coldPagesPerSecond: r(cold.pages / cold.seconds),
      coldPeakRssMb: cold.peakRssMb,
      imagesEncodedCold: cold.imagesEncoded,
      warmSeconds: r(warm.seconds),
      warmPagesPerSecond: r(warm.pages / warm.seconds),
      warmPeakRssMb: warm.peakRssMb,
      imagesEncodedWarm: warm.imagesEncoded,
      imagesReusedWarm: warm.imagesReused,
      floorSeconds: r(floor.seconds),
      floorPagesPerSecond: r(cold.pages / floor.seconds),
      warmOverFloor: r(warm.seconds / floor.seconds),
      rewritePagesSeconds: r(rewrite),
      photosPrepareSeconds: r(photosSeconds),
      loadAverage,
      cores: os.availableParallelism(),
    });
    if (!existsSync(path.join(BENCH, `dist-${size.name}`, 'client')))
      throw new Error(`no output for ${size.name}`);
  }
}
