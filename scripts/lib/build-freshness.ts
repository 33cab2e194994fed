/** Decides whether dist/ is older than the inputs of the build (npm start and npm test share it). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) {
    // Generated photos are outputs of the build's preparation step, not inputs.
    if (entry === 'photos' || entry === 'generated' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function buildIsFresh(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(root, 'dist/server/entry.mjs'))) return false;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}
