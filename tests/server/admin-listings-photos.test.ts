/**
 * The admin command `listings.photos` (the build's copy of uploaded photos), on PGlite and
 * PostgreSQL: every product's photos in the facility's order, deleted ones left out, alt text
 * and sizes as stored; read-only (no audit entry, no change number); no arguments taken.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listingPhotos } from '~/listings/db-schema';
import type { ProcessedPhoto } from '~/listings/photo-processing';
import { addPhoto, deletePhoto, movePhoto } from '~/listings/photo-store';
import { AdminCommandError, runAdminCommand } from '~/server/admin-commands';
import { testEngines } from '../notifications/test-databases';

const actor = commandActor('test');

function processed(tag: string, width: number, height: number): ProcessedPhoto {
  const file = (w: number) => ({
    width: w,
    height: Math.round((w * height) / width),
    contentType: 'image/webp' as const,
    bytes: Buffer.from(`${tag}@${w}`),
  });
  return { sourceType: 'jpeg', width, height, files: [file(320), file(width)] };
}

describe.each(testEngines())('listings.photos on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  const add = async (productId: string, alt: { vi: string; en?: string }, width = 640, height = 480) => {
    const added = await addPhoto(
      handle.db,
      actor,
      { productId, facilityId: 'co-so-a' },
      alt,
      processed(alt.vi, width, height),
    );
    if (!added.ok) throw new Error('not added');
    return added.photo;
  };

  it.skipIf(skipReason)(
    'gives every product’s photos in order, without deleted ones, and changes nothing',
    async () => {
      expect(await runAdminCommand(handle.db, 'listings.photos', {})).toEqual({ products: {} });

      const bottle = await add('ruou-nep', { vi: 'Chai 500 ml', en: '500 ml bottle' });
      const box = await add('ruou-nep', { vi: 'Hộp quà' }, 900, 600);
      const gone = await add('ruou-nep', { vi: 'Ảnh cũ' });
      const jar = await add('banh-da', { vi: 'Hũ' }, 700, 700);
      await movePhoto(handle.db, actor, { productId: 'ruou-nep', facilityId: 'co-so-a' }, box.id, 'up');
      await deletePhoto(handle.db, actor, { productId: 'ruou-nep', facilityId: 'co-so-a' }, gone.id);

      const entries = async () => (await handle.db.select({ n: sql<string>`count(*)` }).from(auditLog))[0]!.n;
      const before = await entries();
      const seq = async () =>
        (
          await handle.db.select({ seq: sql<string>`max(${listingPhotos.seq})::text` }).from(listingPhotos)
        )[0]!.seq;
      const seqBefore = await seq();
      const answer = await runAdminCommand(handle.db, 'listings.photos', {});
      expect(answer).toEqual({
        products: {
          'banh-da': [{ id: jar.id, alt: { vi: 'Hũ' }, width: 700, height: 700 }],
          'ruou-nep': [
            { id: box.id, alt: { vi: 'Hộp quà' }, width: 900, height: 600 },
            { id: bottle.id, alt: { vi: 'Chai 500 ml', en: '500 ml bottle' }, width: 640, height: 480 },
          ],
        },
      });
      expect(await entries()).toBe(before);
      expect(await seq()).toBe(seqBefore);
    },
  );

  it.skipIf(skipReason)('takes no arguments', async () => {
    await expect(runAdminCommand(handle.db, 'listings.photos', { productId: 'x' })).rejects.toBeInstanceOf(
      AdminCommandError,
    );
  });
});
