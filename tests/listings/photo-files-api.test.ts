/**
 * GET /media/photos/{id}-{width}.webp on PGlite and PostgreSQL: the stored bytes with a year of
 * immutable caching and an ETag (304 when the browser has them); hot files from memory without
 * a database read; a deleted photo is 404 on every server within its live layer's check, even
 * where its bytes are cached; the server rewrites the slash-less URL to the on-demand route, which
 * is not a back-office path.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBackOffice } from '~/accounts/access-rules';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import { PhotoFileCache } from '~/listings/photo-cache';
import { handlePhotoFile } from '~/listings/photo-files-api';
import { processPhoto } from '~/listings/photo-processing';
import { addPhoto, deletePhoto, photoFile } from '~/listings/photo-store';
import { photoUrl } from '~/listings/photo-urls';
import { withRouteSlash } from '~/server/api-paths';
import { testEngines } from '../notifications/test-databases';
import { jpegWithGps } from './photo-fixtures';

const actor = commandActor('test');
const target = { productId: 'nuoc-mam-anh', facilityId: 'co-so-a' };
const get = (headers: Record<string, string> = {}) =>
  new Request('http://localhost/media/photos/x', { headers });

describe('the photo URL on the server', () => {
  it('is rewritten to the on-demand route and is not back office', () => {
    const url = photoUrl('0123456789abcdef0123', 640);
    expect(withRouteSlash(url)).toBe(`${url}/`);
    expect(withRouteSlash(`${url}?v=1`)).toBe(`${url}/?v=1`);
    for (const other of ['/media/photos/x.webp', '/media/photos/0123456789abcdef0123-640.png', '/media/x'])
      expect(withRouteSlash(other)).toBe(other);
    expect(isBackOffice(url)).toBe(false);
    expect(readFileSync('src/pages/media/photos/[file].ts', 'utf8')).toMatch(
      /export const prerender = false/,
    );
  });
});

describe.each(testEngines())('photo files on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let photoId: string;
  let files: { width: number; bytes: Buffer }[];

  /** One server: its own cache and live layer, counting its database reads of files. */
  function server() {
    const cache = new PhotoFileCache();
    const listings = new LiveListings(databaseListingSource(handle.db), 0);
    const reads = { count: 0 };
    const serve = (file: string | undefined, request = get()) =>
      handlePhotoFile(request, file, {
        load: (id, width) => {
          reads.count += 1;
          return photoFile(handle.db, id, width);
        },
        isShown: async (productId, id) => (await listings.photosOf(productId)).some((p) => p.id === id),
        cache,
      });
    return { serve, reads };
  }

  beforeAll(async () => {
    if (skipReason) return;
    handle = await open();
    const processed = await processPhoto(await jpegWithGps(1000, 750));
    if (!processed.ok) throw new Error(processed.problem);
    const added = await addPhoto(handle.db, actor, target, { vi: 'Chai nước mắm' }, processed.photo);
    if (!added.ok) throw new Error(added.problem);
    photoId = added.photo.id;
    files = processed.photo.files;
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'serves each stored width with immutable caching, the second time from memory',
    async () => {
      const { serve, reads } = server();
      for (const file of files) {
        const response = await serve(`${photoId}-${file.width}.webp`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/webp');
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('etag')).toBe(`"${photoId}-${file.width}"`);
        expect(Buffer.from(await response.arrayBuffer()).equals(file.bytes)).toBe(true);
      }
      expect(files.map((f) => f.width)).toEqual([320, 640, 1000]);
      expect(reads.count).toBe(3);
      const again = await serve(`${photoId}-320.webp`);
      expect(again.status).toBe(200);
      expect(reads.count).toBe(3);

      const revalidated = await serve(`${photoId}-320.webp`, get({ 'if-none-match': `"${photoId}-320"` }));
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('cache-control')).toContain('immutable');
    },
  );

  it.skipIf(skipReason)('answers 404 to names that are not a stored file', async () => {
    const { serve } = server();
    for (const name of [
      undefined,
      '',
      `${photoId}-1280.webp`, // a width this photo does not have
      `${photoId}-640.png`,
      `${photoId.toUpperCase()}-640.webp`,
      `../${photoId}-640.webp`,
      `${photoId}-640.webp/x`,
      'ffffffffffffffffffff-640.webp',
    ]) {
      const response = await serve(name);
      expect(response.status, String(name)).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it.skipIf(skipReason)('stops serving a deleted photo on every server, cached or not', async () => {
    const a = server();
    const b = server();
    const extra = await processPhoto(await jpegWithGps(400, 300));
    if (!extra.ok) throw new Error(extra.problem);
    const added = await addPhoto(handle.db, actor, target, { vi: 'Sẽ xóa' }, extra.photo);
    if (!added.ok) throw new Error(added.problem);
    const name = `${added.photo.id}-320.webp`;
    expect((await a.serve(name)).status).toBe(200);
    expect((await b.serve(name)).status).toBe(200);
    expect((await b.serve(name)).status).toBe(200); // now from b's memory

    expect(await deletePhoto(handle.db, actor, target, added.photo.id)).toBe(true);
    expect((await a.serve(name)).status).toBe(404);
    expect((await b.serve(name)).status).toBe(404);
    // The other photo is untouched.
    expect((await b.serve(`${photoId}-320.webp`)).status).toBe(200);
  });
});
