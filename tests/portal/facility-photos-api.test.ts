/**
 * The facility API's photo routes on PGlite and PostgreSQL: a token uploads JPEG (its GPS gone
 * from what is stored), PNG and WebP and deletes its own product's photos, each shown by the live
 * layer; facility A's token can neither add nor delete photos of B's product (403, nothing
 * changed); a token without `photos:write` is 403 and no token 401, before the body is read; a
 * text file named photo.jpg is 400 `not_an_image` and an 11 MB body 413 before anything is
 * decoded, with nothing saved.
 */
import { like, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listingPhotoFiles, listingPhotos } from '~/listings/db-schema';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import { photoFile } from '~/listings/photo-store';
import type { FacilityScope } from '~/portal/api-tokens';
import { createFacilityToken } from '~/portal/api-tokens-store';
import { type FacilityPhotosDeps, handleAddPhoto, handleDeletePhoto } from '~/portal/facility-photos-api';
import { RateLimiter } from '~/security/rate-limit';
import { gpsTags, jpegWithGps, png, webp } from '../listings/photo-fixtures';
import { testEngines } from '../notifications/test-databases';
import { catalogue } from './portal-page-fixture';

// Counts the images sharp is asked to open: refusals before decoding open none.
const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const actual = (await importOriginal<{ default: typeof import('sharp') }>()).default;
  const counting = (...args: Parameters<typeof actual>) => {
    opened.count += 1;
    return actual(...args);
  };
  return { default: Object.assign(counting, actual) };
});

const A_PRODUCT = 'che-a'; // facility co-so-a
const B_PRODUCT = 'gom-b'; // facility co-so-b

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
interface PhotoBody {
  id: string;
  url: string;
  urls: Record<string, string>;
  srcset: string;
  alt: { vi: string; en: string | null };
  width: number;
  height: number;
}

const photoForm = (bytes: Uint8Array, name = 'photo.jpg', fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('photo', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};
const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const post = (productId: string, token: string | undefined, body: FormData) =>
  new Request(`http://localhost/api/facility/products/${productId}/photos/`, {
    method: 'POST',
    headers: auth(token),
    body,
  });
const del = (productId: string, photoId: string, token: string | undefined) =>
  new Request(`http://localhost/api/facility/products/${productId}/photos/${photoId}/`, {
    method: 'DELETE',
    headers: auth(token),
  });

describe.each(testEngines())('facility photo API on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let changes = 0;
  const deps = (): FacilityPhotosDeps => ({
    db: handle.db,
    catalogue: async () => catalogue,
    changed: async () => {
      changes += 1;
    },
    limiter: new RateLimiter(),
  });
  const tokenFor = async (facilityId: string, scopes: readonly FacilityScope[] = ['photos:write']) =>
    (
      await createFacilityToken(handle.db, commandActor('facility'), {
        facilityId,
        label: `ERP ${facilityId}`,
        scopes,
      })
    ).token;
  /** Photos, files and photo audit entries: what a refused call must leave as it was. */
  const counts = async () => {
    const count = async (query: Promise<{ n: number }[]>) => Number((await query)[0]!.n);
    const n = sql<number>`count(*)`;
    return {
      photos: await count(handle.db.select({ n }).from(listingPhotos)),
      live: await count(handle.db.select({ n }).from(listingPhotos).where(sql`deleted_at IS NULL`)),
      files: await count(handle.db.select({ n }).from(listingPhotoFiles)),
      audit: await count(
        handle.db.select({ n }).from(auditLog).where(like(auditLog.action, 'listing.photo.%')),
      ),
    };
  };
  const upload = async (productId: string, token: string, form: FormData) => {
    const response = await handleAddPhoto(post(productId, token, form), productId, deps());
    return { response, body: (await response.json()) as PhotoBody & ErrorBody };
  };

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());
  beforeEach(() => {
    opened.count = 0;
  });

  it.skipIf(skipReason)(
    'uploads JPEG (GPS stripped), PNG and WebP for its own product, shown by the live layer, and deletes',
    async () => {
      const token = await tokenFor('co-so-a');
      const live = new LiveListings(databaseListingSource(handle.db), 0);
      const before = changes;

      const jpeg = await upload(
        A_PRODUCT,
        token,
        photoForm(await jpegWithGps(1600, 1200), 'IMG_0001.JPG', {
          alt: 'Hộp chè 200 g',
          altEn: '200 g tea box',
        }),
      );
      expect(jpeg.response.status).toBe(201);
      const id = jpeg.body.id;
      expect(jpeg.body).toEqual({
        id,
        url: `/media/photos/${id}-1280.webp`,
        urls: {
          320: `/media/photos/${id}-320.webp`,
          640: `/media/photos/${id}-640.webp`,
          1280: `/media/photos/${id}-1280.webp`,
        },
        srcset: `/media/photos/${id}-320.webp 320w, /media/photos/${id}-640.webp 640w, /media/photos/${id}-1280.webp 1280w`,
        alt: { vi: 'Hộp chè 200 g', en: '200 g tea box' },
        width: 1280,
        height: 960,
        position: 0,
      });
      for (const width of [320, 640, 1280]) {
        const stored = await photoFile(handle.db, id, width);
        const meta = await sharp(stored!.bytes).metadata();
        expect([meta.format, meta.width, gpsTags(meta.exif), meta.exif]).toEqual([
          'webp',
          width,
          undefined,
          undefined,
        ]);
      }

      // The type comes from the bytes: a PNG called .jpg and a WebP called .png are fine.
      const fromPng = await upload(A_PRODUCT, token, photoForm(await png(), 'anh.jpg'));
      const fromWebp = await upload(A_PRODUCT, token, photoForm(await webp(), 'anh.png'));
      expect([fromPng.response.status, fromWebp.response.status]).toEqual([201, 201]);
      // Without an alt text, the product's name stands in.
      expect(fromPng.body.alt).toEqual({ vi: 'Chè A', en: null });

      expect((await live.photosOf(A_PRODUCT)).map((p) => p.id)).toEqual([
        id,
        fromPng.body.id,
        fromWebp.body.id,
      ]);
      expect(changes - before).toBe(3);

      const gone = await handleDeletePhoto(
        del(A_PRODUCT, fromPng.body.id, token),
        A_PRODUCT,
        fromPng.body.id,
        deps(),
      );
      expect(gone.status).toBe(204);
      expect((await live.photosOf(A_PRODUCT)).map((p) => p.id)).toEqual([id, fromWebp.body.id]);
      expect(changes - before).toBe(4);
      const again = await handleDeletePhoto(
        del(A_PRODUCT, fromPng.body.id, token),
        A_PRODUCT,
        fromPng.body.id,
        deps(),
      );
      expect(again.status).toBe(404);
      expect(((await again.json()) as ErrorBody).error.code).toBe('not_found');

      const entries = await handle.db.select().from(auditLog).where(like(auditLog.action, 'listing.photo.%'));
      expect(entries.every((e) => e.actorKind === 'facility_token' && e.actorLabel === 'ERP co-so-a')).toBe(
        true,
      );
      expect(entries.map((e) => e.action).sort()).toEqual([
        'listing.photo.add',
        'listing.photo.add',
        'listing.photo.add',
        'listing.photo.delete',
      ]);
    },
  );

  it.skipIf(skipReason)(
    "keeps facility A's token away from B's product photos (403, nothing changed)",
    async () => {
      const tokenA = await tokenFor('co-so-a');
      const tokenB = await tokenFor('co-so-b');
      const bPhoto = await upload(B_PRODUCT, tokenB, photoForm(await png(), 'gom.png', { alt: 'Bình gốm' }));
      expect(bPhoto.response.status).toBe(201);
      const aPhoto = await upload(A_PRODUCT, tokenA, photoForm(await png(), 'che.png', { alt: 'Chè' }));
      const before = await counts();
      opened.count = 0;

      const added = await handleAddPhoto(post(B_PRODUCT, tokenA, photoForm(await png())), B_PRODUCT, deps());
      expect(added.status).toBe(403);
      expect(((await added.json()) as ErrorBody).error.code).toBe('forbidden');
      const deleted = await handleDeletePhoto(
        del(B_PRODUCT, bPhoto.body.id, tokenA),
        B_PRODUCT,
        bPhoto.body.id,
        deps(),
      );
      expect(deleted.status).toBe(403);
      expect(((await deleted.json()) as ErrorBody).error.code).toBe('forbidden');
      // B's photo through A's own product's path: not A's product's photo.
      const sideways = await handleDeletePhoto(
        del(A_PRODUCT, bPhoto.body.id, tokenA),
        A_PRODUCT,
        bPhoto.body.id,
        deps(),
      );
      expect(sideways.status).toBe(404);
      // And B's token cannot reach A's photo through B's product either.
      const back = await handleDeletePhoto(
        del(B_PRODUCT, aPhoto.body.id, tokenB),
        B_PRODUCT,
        aPhoto.body.id,
        deps(),
      );
      expect(back.status).toBe(404);

      expect(await counts()).toEqual(before);
      expect(opened.count).toBe(1); // the png() made for the refused upload: nothing was decoded
    },
  );

  it.skipIf(skipReason)(
    'answers 401 without a token and 403 without the scope, before reading the body',
    async () => {
      const readOnly = await tokenFor('co-so-a', ['listings:read', 'listings:write']);
      const before = await counts();
      const body = photoForm(await png());
      opened.count = 0;
      for (const [token, status, code] of [
        [undefined, 401, 'unauthorized'],
        [readOnly, 403, 'forbidden'],
      ] as const) {
        const adding = post(A_PRODUCT, token, body);
        const deleting = del(A_PRODUCT, 'ffffffffffffffffffff', token);
        for (const [request, response] of [
          [adding, await handleAddPhoto(adding, A_PRODUCT, deps())],
          [deleting, await handleDeletePhoto(deleting, A_PRODUCT, 'ffffffffffffffffffff', deps())],
        ] as const) {
          expect(response.status, `${request.method} with ${token ? 'a read-only token' : 'no token'}`).toBe(
            status,
          );
          expect(((await response.json()) as ErrorBody).error.code).toBe(code);
          expect(request.bodyUsed).toBe(false);
        }
      }
      const scoped = await handleAddPhoto(
        post(A_PRODUCT, readOnly, photoForm(await png())),
        A_PRODUCT,
        deps(),
      );
      expect(((await scoped.json()) as ErrorBody).error.message).toContain('photos:write');
      expect(await counts()).toEqual(before);
      expect(opened.count).toBe(1); // the png() of the last call only
    },
  );

  it.skipIf(skipReason)(
    'refuses a text file named photo.jpg (400) and an 11 MB body (413), saving nothing',
    async () => {
      const token = await tokenFor('co-so-a');
      const before = await counts();
      opened.count = 0;

      const text = await upload(
        A_PRODUCT,
        token,
        photoForm(new TextEncoder().encode('Đây không phải là ảnh, dù tên là photo.jpg'), 'photo.jpg'),
      );
      expect(text.response.status).toBe(400);
      expect(text.body.error.code).toBe('not_an_image');
      expect(text.body.error.message).toMatch(/not a JPEG, PNG or WebP image/);
      expect(text.body.error.fields).toHaveProperty('photo');

      // An 11 MB "JPEG": refused while the body is read.
      const big = new Uint8Array(11 * 1024 * 1024);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      const large = await upload(A_PRODUCT, token, photoForm(big));
      expect(large.response.status).toBe(413);
      expect(large.body.error.code).toBe('too_large');
      expect(large.body.error.message).toContain('10 MB');

      const notMultipart = await handleAddPhoto(
        new Request('http://localhost/api/facility/products/che-a/photos/', {
          method: 'POST',
          headers: { ...auth(token), 'content-type': 'application/json' },
          body: '{"photo":"x"}',
        }),
        A_PRODUCT,
        deps(),
      );
      expect(notMultipart.status).toBe(400);
      const noFile = await upload(
        A_PRODUCT,
        token,
        (() => {
          const form = new FormData();
          form.set('photo', 'not a file');
          return form;
        })(),
      );
      expect([noFile.response.status, noFile.body.error.code]).toEqual([400, 'photo_required']);
      const longAlt = await upload(
        A_PRODUCT,
        token,
        photoForm(new Uint8Array([0xff, 0xd8, 0xff]), 'x.jpg', { alt: 'a'.repeat(201) }),
      );
      expect([longAlt.response.status, longAlt.body.error.code]).toEqual([400, 'alt_too_long']);

      expect(opened.count).toBe(0);
      expect(await counts()).toEqual(before);
    },
  );

  it.skipIf(skipReason)('answers 404 for an unknown product', async () => {
    const token = await tokenFor('co-so-a');
    const response = await handleAddPhoto(
      post('khong-co', token, photoForm(await png())),
      'khong-co',
      deps(),
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
    const deleting = await handleDeletePhoto(del('khong-co', 'x', token), 'khong-co', 'x', deps());
    expect(deleting.status).toBe(404);
  });
});
