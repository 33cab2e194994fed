/**
 * A product's photos in the database, on PGlite and PostgreSQL: adding, describing, moving and
 * deleting each take a change number, so a LiveListings over the database (as every server runs)
 * sees the product's photos as they are now; each change is audited in its transaction; a
 * product holds at most 12, even when uploads race; a deleted photo's files are gone.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listingPhotoFiles, listingPhotos } from '~/listings/db-schema';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import type { ProcessedPhoto } from '~/listings/photo-processing';
import {
  addPhoto,
  deletePhoto,
  listPhotos,
  movePhoto,
  photoFile,
  reorderPhotos,
  updatePhoto,
} from '~/listings/photo-store';
import { testEngines } from '../notifications/test-databases';

const actor = commandActor('test');

/** A processed photo without sharp: the store keeps whatever bytes it is given. */
function processed(tag: string, width = 640, height = 480): ProcessedPhoto {
  const file = (w: number) => ({
    width: w,
    height: Math.round((w * height) / width),
    contentType: 'image/webp' as const,
    bytes: Buffer.from(`${tag}@${w}`),
  });
  return { sourceType: 'jpeg', width, height, files: [file(320), file(width)] };
}

describe.each(testEngines())('photo store on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let n = 0;
  /** A product of its own per test: the suites share one database. */
  const product = () => ({ productId: `san-pham-${++n}`, facilityId: 'co-so-a' });
  const live = () => new LiveListings(databaseListingSource(handle.db), 0);
  const photoEntries = (productId: string) =>
    handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, productId), like(auditLog.action, 'listing.photo.%')))
      .orderBy(auditLog.id);

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)('adds photos in order, and a LiveListings over the database sees them', async () => {
    const target = product();
    const listings = live();
    expect(await listings.photosOf(target.productId)).toEqual([]);
    const start = listings.version;

    const first = await addPhoto(
      handle.db,
      actor,
      target,
      { vi: 'Chai 500 ml', en: '500 ml bottle' },
      processed('a'),
    );
    const second = await addPhoto(handle.db, actor, target, { vi: 'Hộp quà' }, processed('b', 900, 600));
    if (!first.ok || !second.ok) throw new Error('not added');
    expect(first.photo).toMatchObject({
      position: 0,
      width: 640,
      height: 480,
      url: `/media/photos/${first.photo.id}-640.webp`,
      urls: {
        320: `/media/photos/${first.photo.id}-320.webp`,
        640: `/media/photos/${first.photo.id}-640.webp`,
      },
    });
    expect(first.photo.id).toMatch(/^[a-z0-9]{16,40}$/);
    expect(second.photo.position).toBe(1);

    expect(await listings.photosOf(target.productId)).toEqual([
      { id: first.photo.id, alt: { vi: 'Chai 500 ml', en: '500 ml bottle' }, width: 640, height: 480 },
      { id: second.photo.id, alt: { vi: 'Hộp quà' }, width: 900, height: 600 },
    ]);
    expect(listings.version).toBeGreaterThan(start);
    expect((await listPhotos(handle.db, target.productId)).map((p) => p.id)).toEqual([
      first.photo.id,
      second.photo.id,
    ]);

    const file = await photoFile(handle.db, first.photo.id, 320);
    expect(file).toEqual({
      productId: target.productId,
      contentType: 'image/webp',
      bytes: Buffer.from('a@320'),
    });
    expect(await photoFile(handle.db, first.photo.id, 1280)).toBeUndefined();

    const [entry] = await photoEntries(target.productId);
    expect(entry).toMatchObject({
      action: 'listing.photo.add',
      actorKind: 'command',
      targetType: 'product',
      facilityId: 'co-so-a',
      after: {
        photoId: first.photo.id,
        position: 0,
        alt: { vi: 'Chai 500 ml', en: '500 ml bottle' },
        uploadedAs: 'jpeg',
      },
    });
  });

  it.skipIf(skipReason)('moves, reorders, describes and deletes, each seen by the live layer', async () => {
    const target = product();
    const listings = live();
    const ids: string[] = [];
    for (const tag of ['a', 'b', 'c']) {
      const added = await addPhoto(handle.db, actor, target, { vi: `Ảnh ${tag}` }, processed(tag));
      if (added.ok) ids.push(added.photo.id);
    }
    const [a, b, c] = ids as [string, string, string];
    const order = async () => (await listings.photosOf(target.productId)).map((p) => p.id);
    expect(await order()).toEqual([a, b, c]);

    let version = listings.version;
    const changed = () => {
      const moved = listings.version > version;
      version = listings.version;
      return moved;
    };
    expect(await movePhoto(handle.db, actor, target, c, 'up')).toBe('reordered');
    expect(await order()).toEqual([a, c, b]);
    expect(changed()).toBe(true);
    expect(await movePhoto(handle.db, actor, target, a, 'up')).toBe('unchanged');
    expect(await movePhoto(handle.db, actor, target, 'ffffffffffffffffffff', 'down')).toBe('mismatch');

    expect(await reorderPhotos(handle.db, actor, target, [b, a, c])).toBe('reordered');
    expect(await order()).toEqual([b, a, c]);
    expect(changed()).toBe(true);
    expect(await reorderPhotos(handle.db, actor, target, [b, a])).toBe('mismatch');
    expect(await reorderPhotos(handle.db, actor, target, [b, a, a])).toBe('mismatch');

    const described = await updatePhoto(handle.db, actor, target, a, { vi: 'Mô tả mới', en: 'New' });
    expect(described?.alt).toEqual({ vi: 'Mô tả mới', en: 'New' });
    expect((await listings.photosOf(target.productId))[1]?.alt).toEqual({ vi: 'Mô tả mới', en: 'New' });
    expect(changed()).toBe(true);

    expect(await deletePhoto(handle.db, actor, target, a)).toBe(true);
    expect(await order()).toEqual([b, c]);
    expect(changed()).toBe(true);
    expect(await deletePhoto(handle.db, actor, target, a)).toBe(false);
    expect(await photoFile(handle.db, a, 320)).toBeUndefined();
    expect(await handle.db.select().from(listingPhotoFiles).where(eq(listingPhotoFiles.photoId, a))).toEqual(
      [],
    );
    // Another product's photo is not this product's to change.
    const other = product();
    expect(await deletePhoto(handle.db, actor, other, b)).toBe(false);
    expect(await updatePhoto(handle.db, actor, other, b, { vi: 'x' })).toBeUndefined();
    expect(await order()).toEqual([b, c]);

    // A fresh server (nothing loaded yet) sees the same.
    expect((await live().photosOf(target.productId)).map((p) => p.id)).toEqual([b, c]);

    const actions = (await photoEntries(target.productId)).map((e) => e.action);
    expect(actions).toEqual([
      'listing.photo.add',
      'listing.photo.add',
      'listing.photo.add',
      'listing.photo.update',
      'listing.photo.update',
      'listing.photo.update',
      'listing.photo.delete',
    ]);
    const deleted = (await photoEntries(target.productId)).at(-1);
    expect(deleted?.before).toMatchObject({ photoId: a, alt: { vi: 'Mô tả mới', en: 'New' } });
  });

  it.skipIf(skipReason)('holds at most 12 photos a product, even when uploads race', async () => {
    const target = product();
    for (let i = 0; i < 10; i++)
      await addPhoto(handle.db, actor, target, { vi: `Ảnh ${i}` }, processed(`p${i}`));
    const raced = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        addPhoto(handle.db, actor, target, { vi: `Cùng lúc ${i}` }, processed(`r${i}`)),
      ),
    );
    expect(raced.filter((r) => r.ok)).toHaveLength(2);
    expect(raced.filter((r) => !r.ok)).toEqual([
      { ok: false, problem: 'too_many_photos' },
      { ok: false, problem: 'too_many_photos' },
    ]);
    const rows = await listPhotos(handle.db, target.productId);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.position)).size).toBe(12);
    expect(await photoEntries(target.productId)).toHaveLength(12);
    const [{ files }] = (await handle.db
      .select({ files: sql<number>`count(*)` })
      .from(listingPhotoFiles)
      .innerJoin(listingPhotos, eq(listingPhotos.id, listingPhotoFiles.photoId))
      .where(eq(listingPhotos.productId, target.productId))) as [{ files: number }];
    expect(Number(files)).toBe(24);
  });
});
