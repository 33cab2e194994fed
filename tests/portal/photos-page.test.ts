/**
 * /facility/products/{id}/photos/ on PGlite and PostgreSQL: a member of the product's facility
 * uploads (multipart), describes, moves and deletes (after a confirming second submit) photos,
 * each audited under them and redirected back with a notice; a member of another facility gets
 * 403 before the form is read, whatever ?facility= says; staff may open any product's photos;
 * refused uploads (not an image, no alt text, over 10 MB) say why in the person's language and
 * save nothing.
 */
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listingPhotos } from '~/listings/db-schema';
import { photoProblemStrings } from '~/listings/photo-strings';
import { type PhotosPageOutcome, photosPageState } from '~/portal/photos-page';
import { photosStrings } from '~/portal/photos-strings';
import type { PortalPrincipal } from '~/portal/portal-page';
import { jpegWithGps, png } from '../listings/photo-fixtures';
import { testEngines } from '../notifications/test-databases';
import { catalogue, portalPerson as principal } from './portal-page-fixture';

const memberA = principal('chu-a', 'facility', 'co-so-a');
const memberB = principal('chu-b', 'facility', 'co-so-b');
const operator = principal('van-hanh', 'operator');

const base = 'http://localhost:4321';
const PAGE = '/facility/products/che-a/photos/';
const get = (path = PAGE) => new Request(`${base}${path}`);
const post = (fields: Record<string, string | File>, path = PAGE) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return new Request(`${base}${path}`, { method: 'POST', body: form });
};
const image = async (bytes: Promise<Buffer> | Uint8Array, name = 'anh.jpg') =>
  new File([new Uint8Array(await bytes)], name, { type: 'image/jpeg' });

function page(outcome: PhotosPageOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}
function redirect(outcome: PhotosPageOutcome) {
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.status}`);
  return outcome.location;
}

describe.each(testEngines())('facility photos page on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let changes = 0;
  const run = (request: Request, who: PortalPrincipal, locale: 'vi' | 'en' = 'vi', productId = 'che-a') =>
    photosPageState(
      {
        db: handle.db,
        catalogue,
        changed: async () => {
          changes += 1;
        },
      },
      request,
      locale,
      who,
      productId,
    );
  const photoCount = async () =>
    Number(
      (
        await handle.db
          .select({ n: sql<number>`count(*)` })
          .from(listingPhotos)
          .where(sql`deleted_at IS NULL`)
      )[0]!.n,
    );
  const ids = async (productId = 'che-a') =>
    page(
      await run(get(`/facility/products/${productId}/photos/`), memberA, 'vi', productId),
    ).state!.photos.map((p) => p.id);

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'lets a member upload, describe, move and delete, with notices and audit',
    async () => {
      const t = photosStrings('vi');
      const before = changes;
      const location = redirect(
        await run(
          post({
            action: 'upload',
            photo: await image(jpegWithGps(1200, 900)),
            alt: 'Hộp chè Bản Khoang',
            altEn: 'Ban Khoang tea box',
          }),
          memberA,
        ),
      );
      const [, added] = /^\/facility\/products\/che-a\/photos\/\?added=([a-z0-9]+)$/.exec(location) ?? [];
      expect(added).toBeDefined();
      const shown = page(await run(get(location), memberA));
      expect(shown.status).toBe(200);
      expect(shown.state!.notice).toBe(t('added'));
      expect(shown.state!.photos).toEqual([
        expect.objectContaining({
          id: added,
          n: 1,
          src: `/media/photos/${added}-320.webp`,
          width: 1200,
          height: 900,
          alt: { vi: 'Hộp chè Bản Khoang', en: 'Ban Khoang tea box' },
          first: true,
          last: true,
        }),
      ]);
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'listing.photo.add'));
      expect(entry).toMatchObject({
        actorKind: 'user',
        actorLabel: 'chu-a@example.vn',
        targetId: 'che-a',
        facilityId: 'co-so-a',
      });

      redirect(
        await run(
          post({ action: 'upload', photo: await image(png(), 'b.png'), alt: 'Ảnh thứ hai' }),
          memberA,
        ),
      );
      const [first, second] = (await ids()) as [string, string];
      expect(first).toBe(added);

      expect(redirect(await run(post({ action: 'move', id: second, direction: 'up' }), memberA))).toBe(
        `${PAGE}?moved=${second}`,
      );
      expect(await ids()).toEqual([second, first]);

      expect(
        redirect(await run(post({ action: 'alt', id: first, alt: 'Mô tả mới', altEn: '' }), memberA)),
      ).toBe(`${PAGE}?saved=${first}`);
      expect(page(await run(get(), memberA)).state!.photos[1]!.alt).toEqual({ vi: 'Mô tả mới', en: '' });
      const refusedAlt = page(
        await run(post({ action: 'alt', id: first, alt: '  ', altEn: 'x' }), memberA, 'en'),
      );
      expect(refusedAlt.status).toBe(400);
      expect(refusedAlt.state!.editing).toEqual({
        id: first,
        alt: '  ',
        altEn: 'x',
        field: 'alt',
        error: photoProblemStrings('en')('alt_required'),
      });

      // Delete asks first; the second submit deletes.
      const asked = page(await run(post({ action: 'delete', id: first }), memberA));
      expect(asked.status).toBe(200);
      expect(asked.state!.confirmDelete?.id).toBe(first);
      expect(await ids()).toEqual([second, first]);
      expect(redirect(await run(post({ action: 'delete', id: first, confirm: 'yes' }), memberA))).toBe(
        `${PAGE}?deleted=1`,
      );
      expect(await ids()).toEqual([second]);
      expect(page(await run(post({ action: 'delete', id: first, confirm: 'yes' }), memberA)).status).toBe(
        404,
      );
      expect(page(await run(post({ action: 'delete', id: first }), memberA)).status).toBe(404);

      expect(changes - before).toBe(5); // two uploads, a move, a description, a deletion
      const actions = await handle.db
        .select({ action: auditLog.action, actor: auditLog.actorLabel })
        .from(auditLog)
        .where(like(auditLog.action, 'listing.photo.%'));
      expect(actions.map((a) => a.action).sort()).toEqual([
        'listing.photo.add',
        'listing.photo.add',
        'listing.photo.delete',
        'listing.photo.update',
        'listing.photo.update',
      ]);
      expect(new Set(actions.map((a) => a.actor))).toEqual(new Set(['chu-a@example.vn']));
    },
  );

  it.skipIf(skipReason)(
    'refuses a member of another facility before reading the form, whatever ?facility= says',
    async () => {
      const before = await photoCount();
      for (const path of [PAGE, `${PAGE}?facility=co-so-b`]) {
        const request = post({ action: 'upload', photo: await image(png()), alt: 'Lạ' }, path);
        const refused = page(await run(request, memberB));
        expect(refused.status).toBe(403);
        expect(refused.state).toBeNull();
        expect(refused.context).toMatchObject({ kind: 'forbidden', facilityId: 'co-so-a' });
        expect(request.bodyUsed).toBe(false);
        expect(page(await run(get(path), memberB)).status).toBe(403);
      }
      expect(await photoCount()).toBe(before);
      // Their own product is theirs.
      expect(page(await run(get('/facility/products/gom-b/photos/'), memberB, 'vi', 'gom-b')).status).toBe(
        200,
      );
    },
  );

  it.skipIf(skipReason)('lets staff open any product, keeping ?facility= on the way back', async () => {
    const shown = page(await run(get('/facility/products/gom-b/photos/'), operator, 'vi', 'gom-b'));
    expect(shown.status).toBe(200);
    expect(shown.context).toMatchObject({ kind: 'facility', query: '?facility=co-so-b' });
    const location = redirect(
      await run(
        post(
          { action: 'upload', photo: await image(png()), alt: 'Bình gốm' },
          '/facility/products/gom-b/photos/',
        ),
        operator,
        'vi',
        'gom-b',
      ),
    );
    expect(location).toMatch(/^\/facility\/products\/gom-b\/photos\/\?facility=co-so-b&added=[a-z0-9]+$/);
  });

  it.skipIf(skipReason)('answers 404 for a product the registry does not have', async () => {
    const missing = page(await run(get('/facility/products/khong-co/photos/'), memberA, 'vi', 'khong-co'));
    expect([missing.status, missing.missingProduct, missing.state]).toEqual([404, 'khong-co', null]);
  });

  it.skipIf(skipReason)(
    'refuses what is not an image, a missing alt text and 11 MB, saving nothing',
    async () => {
      const before = await photoCount();
      const vi = photoProblemStrings('vi');
      const en = photoProblemStrings('en');

      const text = page(
        await run(
          post({
            action: 'upload',
            photo: new File(['chỉ là chữ'], 'photo.jpg', { type: 'image/jpeg' }),
            alt: 'Ảnh',
          }),
          memberA,
        ),
      );
      expect(text.status).toBe(400);
      expect(text.state!.fieldErrors).toEqual({ photo: vi('not_an_image') });
      expect(text.state!.values).toEqual({ alt: 'Ảnh', altEn: '' });

      const noAlt = page(
        await run(post({ action: 'upload', photo: await image(png()), alt: '' }), memberA, 'en'),
      );
      expect(noAlt.status).toBe(400);
      expect(noAlt.state!.fieldErrors).toEqual({ alt: en('alt_required') });

      const noFile = page(await run(post({ action: 'upload', alt: 'Ảnh' }), memberA));
      expect([noFile.status, noFile.state!.fieldErrors]).toEqual([400, { photo: vi('photo_required') }]);

      const big = new Uint8Array(11 * 1024 * 1024);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      const large = page(await run(post({ action: 'upload', photo: await image(big), alt: 'Lớn' }), memberA));
      expect(large.status).toBe(413);
      expect(large.state!.fieldErrors.photo).toBe(vi('too_large'));

      const unknown = page(await run(post({ action: 'launch' }), memberA));
      expect([unknown.status, unknown.state!.error]).toEqual([400, photosStrings('vi')('errForm')]);
      expect(await photoCount()).toBe(before);
    },
  );
});
