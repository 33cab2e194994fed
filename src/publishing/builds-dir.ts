/**
 * Where published builds live, beside the one being served: BUILDS_DIR (default ./builds) holds
 * one folder per build (`<id>/`, a complete `npm run build` output), `live.json` naming the one
 * every server serves, `next.json` naming the one they should load and warm before the switch,
 * `instances/` with one file per running server, the publish lock and the last publish's status.
 * Pure paths and ids: no I/O but what the names say.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export function buildsDir(): string {
  return path.resolve(process.env.BUILDS_DIR ?? 'builds');
}

export const buildPaths = (root = buildsDir()) => ({
  root,
  live: path.join(root, 'live.json'),
  next: path.join(root, 'next.json'),
  instances: path.join(root, 'instances'),
  lock: path.join(root, 'publish.lock'),
  status: path.join(root, 'status.json'),
  log: path.join(root, 'publish.log'),
  build: (id: string) => path.join(root, id),
});

/** Build ids sort by time (to the millisecond) and name a folder: `20261201-120304512-a1b2`. */
export const BUILD_ID = /^\d{8}-\d{9}-[0-9a-f]{4}$/;

export function newBuildId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
