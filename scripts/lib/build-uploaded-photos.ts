/**
 * The build's copy of the photos facilities uploaded (src/site/uploaded-photos.ts), fetched by
 * scripts/prepare-build.ts through the admin command `listings.photos`: from the running
 * server's socket when it holds the embedded database, else from the database directly.
 *
 * - No database configured (no DATABASE_URL and no DATA_DIR/pglite): skipped without opening
 *   one, so a fresh clone builds as before and creates no database.
 * - A database that cannot be read (PostgreSQL down, the folder held by another command, a
 *   server of an older build): a warning, and the build goes on with none. The static pages
 *   then show the catalogue's pictures (drawings labelled as such: never wrong, only not the
 *   newest), product pages still bring uploads in through the live layer within seconds, and
 *   the next publish catches up. Failing instead would let a database outage block a publish
 *   of a registry change (a revocation) that matters more than a card's picture; keeping the
 *   previous file instead could show photos deleted since, which the server no longer serves.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NO_UPLOADED_PHOTOS, type UploadedPhotos, uploadedPhotosFromJson } from '~/site/uploaded-photos';

export interface UploadsSource {
  databaseUrl: string | undefined;
  /** DATA_DIR/pglite: only read when it exists. */
  pgliteDir: string;
  /** Runs an admin command (runAdminCommandFromCli). */
  run(command: string): Promise<unknown>;
}

export interface FetchedUploads {
  photos: UploadedPhotos;
  /** What happened, in one progress line. */
  line: string;
  /** The database was configured but could not be read. */
  warning: boolean;
}

/** A folder as people read it: relative inside the project, absolute outside. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

/** Every uploaded photo of the catalogue's products (`productIds`), or none, with why. */
export async function fetchBuildUploads(
  source: UploadsSource,
  productIds: ReadonlySet<string>,
): Promise<FetchedUploads> {
  if (!source.databaseUrl && !existsSync(source.pgliteDir)) {
    return {
      photos: NO_UPLOADED_PHOTOS,
      line: `uploaded photos: no database (no DATABASE_URL, no ${shown(source.pgliteDir)}): skipped, the catalogue's pictures only.`,
      warning: false,
    };
  }
  let all: UploadedPhotos;
  try {
    const answer = (await source.run('listings.photos')) as { products?: unknown } | undefined;
    all = uploadedPhotosFromJson(answer?.products);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      photos: NO_UPLOADED_PHOTOS,
      line: `warning: uploaded photos could not be read from the database (${why.split('\n')[0]!.slice(0, 300)}); building without them: cards and product pages show the catalogue's pictures until the next build (product pages still show uploads live).`,
      warning: true,
    };
  }
  const photos = new Map([...all].filter(([productId]) => productIds.has(productId)));
  const count = [...photos.values()].reduce((n, p) => n + p.length, 0);
  return {
    photos,
    line: `uploaded photos: ${count} (${photos.size} products) from the database.`,
    warning: false,
  };
}
