/**
 * The build's file of uploaded photos (./uploaded-photos.ts): written by scripts/prepare-build.ts
 * before `astro build`, read while the pages are prerendered. It lives in the build's cache
 * folder (ASTRO_CACHE_DIR, as astro.config.mjs), not under content/: it is a copy of the
 * database, never reviewed data, and a bench building another catalogue has its own.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseUploadedPhotos, serialiseUploadedPhotos, type UploadedPhotos } from './uploaded-photos';

/** Where this build's uploaded photos are (the same folder astro.config.mjs uses as cacheDir). */
export function uploadedPhotosFile(): string {
  return path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'uploaded-photos.json');
}

/**
 * Writes the photos, atomically (temp + rename), and only when they changed, so an unchanged
 * rebuild leaves the file as it was. Returns whether it wrote.
 */
export async function writeUploadedPhotos(file: string, photos: UploadedPhotos): Promise<boolean> {
  const text = serialiseUploadedPhotos(photos);
  if (existsSync(file) && (await readFile(file, 'utf8')) === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  return true;
}

/**
 * The photos in the file; none when there is no file (a build run without prepare-build).
 * A file that is not what prepare-build writes is an error naming the file, not an empty site.
 */
export async function readUploadedPhotos(file: string): Promise<UploadedPhotos> {
  if (!existsSync(file)) return new Map();
  try {
    return parseUploadedPhotos(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is not a file of uploaded photos (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); delete it or run scripts/prepare-build.ts again`,
    );
  }
}
