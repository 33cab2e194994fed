/** The builds under BUILDS_DIR, newest first, with what the publish recorded about each. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUILD_ID, buildPaths } from './builds-dir';
import { readJson } from './pointer-files';

/** Written into a build's folder once its checks passed: a build without it was never published. */
export const manifestSchema = z.object({
  id: z.string().regex(BUILD_ID),
  builtAt: z.string(),
  buildSeconds: z.number().nonnegative(),
  pages: z.number().int().nonnegative(),
  cspHashes: z.number().int().nonnegative(),
  requestedBy: z.string(),
});
export type BuildManifest = z.infer<typeof manifestSchema>;
export const MANIFEST = 'publish.json';

export interface BuildEntry {
  id: string;
  dir: string;
  manifest: BuildManifest;
}

/** Published (checked) builds, newest first. Folders still being built or that failed are left out. */
export async function listBuilds(root = buildPaths().root): Promise<BuildEntry[]> {
  if (!existsSync(root)) return [];
  const names = (await readdir(root))
    .filter((n) => BUILD_ID.test(n))
    .sort()
    .reverse();
  const entries: BuildEntry[] = [];
  for (const id of names) {
    const dir = path.join(root, id);
    const manifest = await readJson(path.join(dir, MANIFEST), manifestSchema);
    if (manifest && manifest.id === id) entries.push({ id, dir, manifest });
  }
  return entries;
}

/**
 * Which build folders to delete after a switch: everything but the newest `keep` published
 * builds, never one that is live or that a running server still serves, and never a folder
 * being built now (unpublished folders younger than `staleAfterMs` are left to their publish).
 */
export function buildsToRemove(
  published: readonly string[],
  unpublished: readonly { id: string; ageMs: number }[],
  protectedIds: ReadonlySet<string>,
  keep = 3,
  staleAfterMs = 6 * 60 * 60_000,
): string[] {
  const newestFirst = [...published].sort().reverse();
  const old = newestFirst.slice(keep).filter((id) => !protectedIds.has(id));
  const abandoned = unpublished
    .filter((b) => b.ageMs > staleAfterMs && !protectedIds.has(b.id))
    .map((b) => b.id);
  return [...old, ...abandoned];
}
