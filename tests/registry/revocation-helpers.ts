/** Shared by the revocation tests: a temporary content folder holding a small register. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CatalogueData } from '~/catalogue/catalogue';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import type { Certificate } from '~/catalogue/schemas';
import { sampleData } from '../verification/fixtures';

/** A temporary CONTENT_DIR with every catalogue file of `data` (default: the verification fixture). */
export function writeContentDir(data: CatalogueData = sampleData(), prefix = 'revocation-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const write = (name: keyof typeof CONTENT_FILES, items: readonly { id: string }[]) => {
    mkdirSync(path.dirname(path.join(dir, CONTENT_FILES[name])), { recursive: true });
    writeFileSync(path.join(dir, CONTENT_FILES[name]), serialiseCollection(items));
  };
  write('dataset', [data.dataset]);
  write('facilities', data.facilities);
  write('products', data.products);
  write('certificates', data.certificates);
  write('listings', data.listings);
  return dir;
}

export const certificatesFile = (dir: string) => path.join(dir, CONTENT_FILES.certificates);

/** The certificates as written on disk. */
export function writtenCertificates(dir: string): Certificate[] {
  return JSON.parse(readFileSync(certificatesFile(dir), 'utf8')) as Certificate[];
}
