/**
 * Copies a finished build for `publish --from` by hard-linking its files: a build is never
 * changed after it is made (`npm run build` replaces files, it does not rewrite them in place),
 * so the copy costs a directory walk instead of 400 MB of writes. Across file systems, or where
 * links are refused, files are copied.
 */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function linkTree(from: string, to: string, skip: (name: string) => boolean): Promise<number> {
  await mkdir(to, { recursive: true });
  let files = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) files += await linkTree(source, target, skip);
    else if (entry.isFile()) {
      try {
        await link(source, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
        await copyFile(source, target);
      }
      files += 1;
    }
  }
  return files;
}
