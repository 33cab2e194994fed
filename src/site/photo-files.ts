/**
 * Where a product's photos are on disk, for code that needs the file itself (the Open Graph
 * images, drawn by the server on first request). Paths in the data are relative to the JSON
 * file that lists them; the two files that carry photos are read once per process.
 */
import path from 'node:path';
import { type FlaggedPhoto, realPhotosFirst } from '~/catalogue';
import { CONTENT_FILES, contentDir, illustrationFlag, readCollection } from '~/catalogue/astro';

let cached: Promise<Map<string, string[]>> | undefined;

async function load(dir: string): Promise<Map<string, string[]>> {
  const [products, listings] = await Promise.all([
    readCollection(dir, 'products'),
    readCollection(dir, 'listings'),
  ]);
  const productsDir = path.join(dir, path.dirname(CONTENT_FILES.products));
  const listingsDir = path.join(dir, path.dirname(CONTENT_FILES.listings));
  const files = new Map(products.map((p) => [p.id, p.photos.map((f) => path.join(productsDir, f))]));
  for (const listing of listings) {
    files.get(listing.productId)?.push(...listing.photos.map((f) => path.join(listingsDir, f)));
  }
  return files;
}

/** Absolute paths of a product's photos, registry photos first (the order the pages show). */
export async function productPhotoFiles(productId: string): Promise<string[]> {
  cached ??= load(contentDir());
  return (await cached).get(productId) ?? [];
}

/**
 * The photo file to show for a product where one picture stands for it (the Open Graph image):
 * its first real photo, else its first drawing, with which of the two it is.
 */
export async function productPhotoFile(productId: string): Promise<FlaggedPhoto<string> | undefined> {
  const files = await productPhotoFiles(productId);
  const flagged = await Promise.all(
    files.map(async (photo) => ({ photo, illustration: await illustrationFlag(photo) })),
  );
  return realPhotosFirst(flagged)[0];
}
