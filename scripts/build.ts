/**
 * `npm run build`: draws missing photos (prepare-build), builds the site with Astro, collects
 * the CSP hashes of its inline scripts and writes the build stamp last, so a folder with a stamp
 * is a finished build. Output: ASTRO_OUT_DIR (default dist/); `npm run publish` builds into a
 * new folder beside the live one this way.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');

const bin = (name: string) => path.resolve('node_modules', '.bin', name);

function step(command: string, args: string[]): void {
  const result = spawnSync(bin(command), args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step('tsx', ['scripts/prepare-build.ts']);
step('astro', ['build']);
step('tsx', ['scripts/collect-csp-hashes.ts', outDir]);
writeFileSync(path.join(outDir, '.build-stamp'), new Date().toISOString());
