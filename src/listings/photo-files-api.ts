/**
 * GET /media/photos/{id}-{width}.webp: an uploaded photo's file. A photo id is never reused and
 * its files never change, so browsers may keep them a year without asking again; a deleted photo
 * answers 404 to anyone who has not kept it. Hot files come from a small in-memory cache, which
 * is trusted only while the product's photos (as this server last loaded them, at most a second
 * old) still include the photo: a deletion on any server empties it within that second.
 */
import type { PhotoFileCache } from './photo-cache';
import { PHOTO_URL_SHAPE } from './photo-urls';

export interface PhotoFileDeps {
  /** The stored file of a photo that is not deleted. */
  load(
    photoId: string,
    width: number,
  ): Promise<{ productId: string; contentType: string; bytes: Buffer } | undefined>;
  /** Whether the product's photos, as this server knows them now, include this one. */
  isShown(productId: string, photoId: string): Promise<boolean>;
  cache: PhotoFileCache;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    // An id not stored now may be one being uploaded: do not let anyone keep the 404.
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export async function handlePhotoFile(
  request: Request,
  file: string | undefined,
  deps: PhotoFileDeps,
): Promise<Response> {
  const match = PHOTO_URL_SHAPE.exec(`/media/photos/${file ?? ''}`);
  if (!match) return notFound();
  const [, photoId, widthText] = match as unknown as [string, string, string];
  const width = Number(widthText);
  const key = `${photoId}-${width}`;

  let entry = deps.cache.get(key);
  if (entry && !(await deps.isShown(entry.productId, photoId))) {
    deps.cache.delete(key);
    entry = undefined;
  }
  if (!entry) {
    entry = await deps.load(photoId, width);
    if (!entry) return notFound();
    deps.cache.set(key, entry);
  }

  const etag = `"${key}"`;
  const headers = { etag, 'cache-control': IMMUTABLE };
  if (
    request.headers
      .get('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return new Response(null, { status: 304, headers });
  // A view, not a copy (a Buffer from the database or sharp is backed by a plain ArrayBuffer).
  const body = new Uint8Array(
    entry.bytes.buffer as ArrayBuffer,
    entry.bytes.byteOffset,
    entry.bytes.byteLength,
  );
  return new Response(body, {
    headers: {
      ...headers,
      'content-type': entry.contentType,
      'content-length': String(entry.bytes.byteLength),
    },
  });
}
