/**
 * The catalogue as the content files hold it NOW, for what must not wait for the next publish:
 * the console's certificate pages, the facility portal and the facility API (a revocation made
 * a second ago, a certificate an import just added, shows at once). Reading and validating every file costs a
 * few hundred milliseconds on a large registry, so the result is kept until a file changes
 * (checked by each file's inode, modification time and size: a few stat calls per request).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Catalogue } from './catalogue';
import { CONTENT_FILES, contentDir, readCatalogueData } from './content-files';

let cached: { dir: string; version: string; catalogue: Promise<Catalogue> } | undefined;

async function version(dir: string): Promise<string> {
  const stamps = await Promise.all(
    Object.values(CONTENT_FILES).map((file) =>
      stat(path.join(dir, file)).then(
        (s) => `${s.ino}:${s.mtimeMs}:${s.size}`,
        () => '-',
      ),
    ),
  );
  return stamps.join(',');
}

export async function currentCatalogue(dir = contentDir()): Promise<Catalogue> {
  const now = await version(dir);
  if (cached?.dir === dir && cached.version === now) return cached.catalogue;
  const catalogue = readCatalogueData(dir).then((data) => new Catalogue(data));
  cached = { dir, version: now, catalogue };
  // A failed read is not kept: the next request tries again.
  catalogue.catch(() => {
    if (cached?.catalogue === catalogue) cached = undefined;
  });
  return catalogue;
}
