/**
 * GET /api/verify gives the product's first uploaded photo (`product.photo`), so the static
 * verification page can show it without a rebuild: on PGlite and PostgreSQL, a photo saved with
 * addPhoto shows in the answer as soon as the server's LiveListings reads it; the first in the
 * facility's order; null without uploads, after the last is deleted, and without the wiring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import type { ProcessedPhoto } from '~/listings/photo-processing';
import { addPhoto, deletePhoto, reorderPhotos } from '~/listings/photo-store';
import { handleVerify, type VerifyDeps } from '~/verification/verify-api';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, sampleCatalogue, testKeyring } from './fixtures';

const keyring = testKeyring();
const actor = commandActor('test');
// nuoc-mam-phu-quoc has two certificates: both pages show its photo.
const target = { productId: 'nuoc-mam-phu-quoc', facilityId: 'nuoc-mam-hung-thanh' };

/** A processed photo without sharp: the store keeps whatever bytes it is given. */
function processed(tag: string, width: number, height: number): ProcessedPhoto {
  const file = (w: number) => ({
    width: w,
    height: Math.round((w * height) / width),
    contentType: 'image/webp' as const,
    bytes: Buffer.from(`${tag}@${w}`),
  });
  return { sourceType: 'jpeg', width, height, files: [file(320), file(width)] };
}

async function verify(code: string, deps: VerifyDeps) {
  const res = await handleVerify(new Request(`http://localhost/api/verify?code=${code}`), deps);
  expect(res.status).toBe(200);
  return (await res.json()) as { product: Record<string, unknown> | null; status: string };
}

/** As a caller without the photo wiring (photos left out) sees it. */
const plainDeps: VerifyDeps = {
  catalogue: async () => sampleCatalogue(),
  verifiers: () => keyring.verifiers,
  today: () => AS_OF,
};

describe('GET /api/verify without the photo wiring', () => {
  it('keeps the contract’s product fields and gives photo: null', async () => {
    const body = await verify('tinh-2022-nmpq', plainDeps);
    expect(body.product).toEqual({
      id: 'nuoc-mam-phu-quoc',
      name: 'Nước mắm Phú Quốc 40 độ đạm',
      group: 'food',
      isSet: false,
      url: '/products/nuoc-mam-phu-quoc/',
      photo: null,
    });
  });
});

describe.each(testEngines())('GET /api/verify’s product.photo on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let listings: LiveListings;
  const asked: string[] = [];
  const deps = (): VerifyDeps => ({
    catalogue: async () => sampleCatalogue(),
    verifiers: () => keyring.verifiers,
    today: () => AS_OF,
    photos: (productId) => {
      asked.push(productId);
      return listings.photosOf(productId);
    },
  });

  beforeAll(async () => {
    if (skipReason) return;
    handle = await open();
    // Interval 0: every request asks the database, as a server does after a second.
    listings = new LiveListings(databaseListingSource(handle.db), 0);
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'is null until a photo is uploaded, then the first in the facility’s order',
    async () => {
      expect((await verify('qg-2023-nmpq', deps())).product?.photo).toBeNull();
      expect(asked).toEqual(['nuoc-mam-phu-quoc']);

      const first = await addPhoto(
        handle.db,
        actor,
        target,
        { vi: 'Chai nước mắm 500 ml', en: '500 ml bottle of fish sauce' },
        processed('a', 1280, 960),
      );
      const second = await addPhoto(handle.db, actor, target, { vi: 'Hộp quà' }, processed('b', 640, 640));
      if (!first.ok || !second.ok) throw new Error('not added');
      const a = first.photo.id;
      const b = second.photo.id;

      const body = await verify('qg-2023-nmpq', deps());
      // Everything else is the record as before: the photo is the one field added.
      expect({ ...body, product: { ...body.product, photo: null } }).toEqual(
        await verify('qg-2023-nmpq', plainDeps),
      );
      expect(body.product?.photo).toEqual({
        id: a,
        url: `/media/photos/${a}-1280.webp`,
        srcset: `/media/photos/${a}-320.webp 320w, /media/photos/${a}-640.webp 640w, /media/photos/${a}-1280.webp 1280w`,
        alt: { vi: 'Chai nước mắm 500 ml', en: '500 ml bottle of fish sauce' },
        width: 1280,
        height: 960,
      });
      // The other certificate of the product (found by its printed number) shows it too.
      const other = await verify(encodeURIComponent('Số 45/QĐ-UBND'), deps());
      expect(other.product?.photo).toMatchObject({ id: a });

      expect(await reorderPhotos(handle.db, actor, target, [b, a])).toBe('reordered');
      expect((await verify('qg-2023-nmpq', deps())).product?.photo).toEqual({
        id: b,
        url: `/media/photos/${b}-640.webp`,
        srcset: `/media/photos/${b}-320.webp 320w, /media/photos/${b}-640.webp 640w`,
        alt: { vi: 'Hộp quà', en: null },
        width: 640,
        height: 640,
      });

      expect(await deletePhoto(handle.db, actor, target, b)).toBe(true);
      expect(await deletePhoto(handle.db, actor, target, a)).toBe(true);
      expect((await verify('qg-2023-nmpq', deps())).product?.photo).toBeNull();
    },
  );

  it.skipIf(skipReason)('another product’s upload does not show on this certificate', async () => {
    const added = await addPhoto(
      handle.db,
      actor,
      { productId: 'binh-gom-men-lam', facilityId: 'gom-bat-trang' },
      { vi: 'Bình gốm' },
      processed('c', 640, 480),
    );
    expect(added.ok).toBe(true);
    expect((await verify('qg-2023-nmpq', deps())).product?.photo).toBeNull();
  });
});
