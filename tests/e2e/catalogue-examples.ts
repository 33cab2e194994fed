/**
 * Example pages of the catalogue for the end-to-end tests and the Lighthouse benchmark, chosen
 * from the content files the site was built from (so they exist whatever the data). Reads the
 * JSON directly: Playwright's loader cannot import the province list the catalogue code uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { browsePath, facilityPath, productPath } from '~/catalogue/urls';

interface Row {
  id: string;
  productId: string;
  facilityId: string;
  group: string;
  name: string;
  level: string;
  validUntil: string;
  revocation?: unknown;
  photos: string[];
  variants: { availability: string }[];
}

export interface CatalogueExamples {
  /** A product sold online, with a photo and a national certificate valid today. */
  listed: { id: string; name: string; group: string; facilityId: string };
  /** A certified product without a listing ("not sold online — contact the facility"). */
  unlisted: { id: string; name: string };
  /** The five kinds of catalogue page, without locale prefix. */
  pages: { name: string; path: string }[];
}

export function catalogueExamples(contentDir = process.env.CONTENT_DIR ?? 'content'): CatalogueExamples {
  const read = (file: string) => JSON.parse(readFileSync(path.join(contentDir, file), 'utf8')) as Row[];
  const products = read('registry/products.json');
  const listings = new Map(read('listings/listings.json').map((l) => [l.productId, l]));
  const today = new Date().toISOString().slice(0, 10);
  const nationalNow = new Set(
    read('registry/certificates.json')
      .filter((c) => c.level === 'national' && !c.revocation && c.validUntil >= today)
      .map((c) => c.productId),
  );
  const listed = products.find((p) => {
    const listing = listings.get(p.id);
    return (
      nationalNow.has(p.id) &&
      listing &&
      listing.photos.length > 0 &&
      listing.variants.some((v) => v.availability !== 'not_sold_online')
    );
  });
  const unlisted = products.find((p) => !listings.has(p.id));
  if (!listed || !unlisted)
    throw new Error(`${contentDir}: no listed national product or no unlisted product`);
  return {
    listed: { id: listed.id, name: listed.name, group: listed.group, facilityId: listed.facilityId },
    unlisted: { id: unlisted.id, name: unlisted.name },
    pages: [
      { name: 'home', path: '/' },
      { name: 'browse', path: browsePath({ dimension: 'group', value: listed.group }) },
      { name: 'product', path: productPath(listed.id) },
      { name: 'facility', path: facilityPath(listed.facilityId) },
      { name: 'programme', path: '/programme/' },
    ],
  };
}
