/**
 * Run before `astro build` and `astro dev`: makes sure the catalogue under CONTENT_DIR (default
 * ./content) exists, generating the default sample when it does not, then draws every photo the
 * catalogue refers to that does not exist yet (photos are generated, never committed), and
 * copies the photos facilities uploaded from the database into the build's cache folder
 * (./lib/build-uploaded-photos.ts), for the cards and the product pages' first paint. An
 * unchanged rebuild does nothing.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CONTENT_FILES,
  completeInterruptedWrites,
  contentDir,
  hasCatalogue,
  readCatalogueData,
} from '~/catalogue/content-files';
import { ensurePhotos } from '~/catalogue/photos';
import { env } from '~/config/env';
import { pgliteDir } from '~/db/client';
import { runAdminCommandFromCli } from '~/server/admin-cli';
import { uploadedPhotosFile, writeUploadedPhotos } from '~/site/uploaded-photos-file';
import { fetchBuildUploads } from './lib/build-uploaded-photos';
import { describeSample, writeSample } from './sample/index';

async function main(): Promise<void> {
  const dir = contentDir();
  // A change an import or revoke had committed when it crashed is finished before any check.
  await completeInterruptedWrites(dir);
  const missing = Object.values(CONTENT_FILES).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0 && missing.length < Object.values(CONTENT_FILES).length) {
    // Never overwrite a partial catalogue (it may hold imported data) with the sample.
    throw new Error(
      `the catalogue in ${dir} is incomplete: ${missing.join(', ')} missing (run npm run sample to start over)`,
    );
  }
  if (!hasCatalogue(dir)) {
    console.log(`prepare-build: no catalogue in ${dir}; generating the default sample…`);
    const data = await writeSample(dir);
    console.log(describeSample(data));
  }
  const data = await readCatalogueData(dir);

  const started = performance.now();
  let shown = -1;
  const result = await ensurePhotos(dir, data, {
    concurrency: Math.max(2, os.availableParallelism() * 2),
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > shown) {
        shown = tenth;
        process.stderr.write(`prepare-build: photos ${String(tenth * 10).padStart(3)}% (${done}/${total})\n`);
      }
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.created === 0) console.log(`prepare-build: all ${result.total} photos present.`);
  else {
    const kb = Math.round(result.bytes / result.created / 1024);
    console.log(
      `prepare-build: drew ${result.created} photos (${result.existing} already there, ~${kb} KB each) in ${seconds} s.`,
    );
  }

  // Always written (empty when skipped), so no earlier build's uploads leak into this one.
  const uploads = await fetchBuildUploads(
    { databaseUrl: env().DATABASE_URL, pgliteDir: pgliteDir(), run: (name) => runAdminCommandFromCli(name) },
    new Set(data.products.map((p) => p.id)),
  );
  await writeUploadedPhotos(uploadedPhotosFile(), uploads.photos);
  if (uploads.warning) console.warn(`prepare-build: ${uploads.line}`);
  else console.log(`prepare-build: ${uploads.line}`);
}

main().catch((error: unknown) => {
  console.error(`prepare-build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
