/** Generating and writing the sample catalogue (used by scripts/sample.ts and prepare-build). */
import type { CatalogueData } from '~/catalogue/catalogue';
import { writeCollections } from '~/catalogue/content-files';
import { LEVELS } from '~/catalogue/programme';
import { generateSample, type SampleOptions } from './generate';

export { DEFAULT_PRODUCTS, DEFAULT_SEED, generateSample, type SampleOptions } from './generate';

/** Generates the sample and writes all catalogue files (all or nothing). */
export async function writeSample(dir: string, options: SampleOptions = {}): Promise<CatalogueData> {
  const data = generateSample(options);
  await writeCollections(dir, {
    dataset: [data.dataset],
    facilities: data.facilities,
    products: data.products,
    certificates: data.certificates,
    listings: data.listings,
  });
  return data;
}

/** Counts for people: facilities, products, certificates by level, listings, photos. */
export function describeSample(data: CatalogueData): string {
  const byLevel = LEVELS.map((l) => `${l} ${data.certificates.filter((c) => c.level === l).length}`).join(
    ', ',
  );
  const photos =
    data.facilities.reduce((n, f) => n + f.photos.length, 0) +
    data.products.reduce((n, p) => n + p.photos.length, 0) +
    data.listings.reduce((n, l) => n + l.photos.length, 0);
  const revoked = data.certificates.filter((c) => c.revocation).length;
  return [
    `  facilities   ${data.facilities.length}`,
    `  products     ${data.products.length}`,
    `  certificates ${data.certificates.length} (${byLevel}; ${revoked} revoked)`,
    `  listings     ${data.listings.length} (${data.listings.reduce((n, l) => n + l.variants.length, 0)} variants)`,
    `  photos       ${photos} referenced`,
  ].join('\n');
}
