/**
 * /facility/products/{id}/ on PGlite and PostgreSQL: the editor shows the listing, refuses bad
 * input with the Vietnamese wording and saves nothing, saves (audited, in the history), undoes,
 * reports a conflict with the newer listing, keeps units ordered while the facility edits, and
 * never lets a member of facility A see or change facility B's product.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '~/accounts/astro';
import { setStock, takeStock } from '~/commerce/cart/stock-store';
import { stockLevels } from '~/commerce/db-schema';
import { auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listingBodyOf } from '~/listings/astro';
import { type ListingTarget, savedListing, saveListing, undoLastChange } from '~/listings/listing-store';
import {
  type ListingEditorDeps,
  type ListingEditorOutcome,
  listingEditorPageState,
} from '~/portal/listing-editor-page';
import type { ListingFormValues } from '~/portal/listing-form';
import type { PortalPrincipal } from '~/portal/portal-page';
import { testEngines } from '../notifications/test-databases';
import { catalogue, portalPerson as person } from './portal-page-fixture';

const memberA = person('chu-a', 'facility', 'co-so-a');
const memberA2 = person('ke-toan-a', 'facility', 'co-so-a');
const memberB = person('chu-b', 'facility', 'co-so-b');
const operator = person('van-hanh', 'operator');

const base = 'http://localhost:4321';
const get = (path: string) => new Request(`${base}${path}`);
const post = (path: string, fields: [string, string][]) =>
  new Request(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) });

/** The fields the editor's form sends for these values, as ListingEditorView renders them. */
function fieldsOf(
  values: ListingFormValues,
  revision: number,
  stockSeen: Record<string, number>,
  action = 'save',
): [string, string][] {
  const fields: [string, string][] = [
    ['action', action],
    ['revision', String(revision)],
    ...Object.entries(stockSeen).map(([sku, n]): [string, string] => [`stockSeen.${sku}`, String(n)]),
    ['description.vi', values.descriptionVi],
    ['description.en', values.descriptionEn],
  ];
  if (values.notSoldOnline) fields.push(['notSoldOnline', '1']);
  values.variants.forEach((v, i) => {
    const at = `variants.${i}`;
    if (v.isNew) fields.push([`${at}.new`, '1']);
    fields.push(
      [`${at}.sku`, v.sku],
      [`${at}.name.vi`, v.nameVi],
      [`${at}.name.en`, v.nameEn],
      [`${at}.packSize`, v.packSize],
      [`${at}.price`, v.price],
      [`${at}.minOrderQuantity`, v.minOrderQuantity],
      [`${at}.stock`, v.stock],
      [`${at}.availability`, v.availability],
      [`${at}.leadTimeDays`, v.leadTimeDays],
      [`${at}.weightGrams`, v.weightGrams],
    );
    // The saved tiers, then the two spare rows the form always shows.
    [...v.tiers, { minQuantity: '', unitPrice: '' }, { minQuantity: '', unitPrice: '' }].forEach((t, k) => {
      fields.push([`${at}.wholesaleTiers.${k}.minQuantity`, t.minQuantity]);
      fields.push([`${at}.wholesaleTiers.${k}.unitPrice`, t.unitPrice]);
    });
  });
  return fields;
}

function editor(outcome: ListingEditorOutcome) {
  if (outcome.kind !== 'editor') throw new Error(`expected the editor, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The store's target for the fixture's products, as listings/astro.ts builds it for the server. */
const target = (productId: string): ListingTarget => ({
  productId,
  facilityId: catalogue.productById.get(productId)!.facilityId,
  fileListing: listingBodyOf(catalogue.listingByProduct.get(productId)),
  skuOwner: (sku) => catalogue.variantBySku.get(sku)?.product.id,
});

describe.each(testEngines())('listing editor page on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  let deps: ListingEditorDeps;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await open();
    deps = {
      db: handle.db,
      catalogue,
      save: (actor, productId, listing, options) =>
        saveListing(handle.db, actor, target(productId), listing, options),
      undo: (actor, productId) => undoLastChange(handle.db, actor, target(productId)),
    };
  });
  afterAll(() => handle?.close());

  const run = (request: Request, who: PortalPrincipal, productId: string, locale: 'vi' | 'en' = 'vi') =>
    listingEditorPageState(deps, request, locale, who, productId);
  const audits = async (productId: string) => {
    const [row] = await handle.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.targetId, productId));
    return row!.n;
  };
  const remaining = async (sku: string) => {
    const [row] = await handle.db.select().from(stockLevels).where(eq(stockLevels.sku, sku));
    return row?.remaining;
  };

  it.skipIf(skipReason)('shows the files’ listing at revision 0, in the person’s language', async () => {
    const page = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a'));
    expect(page.status).toBe(200);
    expect(page.context.facility.id).toBe('co-so-a');
    const { state } = page;
    expect(state.product).toMatchObject({ id: 'che-a', name: 'Chè A', publicPath: '/products/che-a/' });
    expect(state.product.photosPath).toBe('/facility/products/che-a/photos/');
    expect(state.revision).toBe(0);
    expect(state.values.variants.map((v) => [v.sku, v.price, v.stock])).toEqual([
      ['CHE-A-1', '261000', '1500'],
      ['CHE-A-2', '900000', ''],
    ]);
    expect(state.stockSeen).toEqual({ 'CHE-A-1': 1500 });
    expect(state.history).toEqual([]);
    expect(state.canUndo).toBe(false);
    const en = editor(await run(get('/en/facility/products/che-a/'), memberA, 'che-a', 'en'));
    expect(en.state.product.group).toBe('Processed agricultural, forestry and aquatic products and food');
  });

  it.skipIf(skipReason)(
    'refuses a price of 0 and a tier below the MOQ in Vietnamese, saving nothing',
    async () => {
      const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      const auditsBefore = await audits('che-a');
      const values = structuredClone(loaded.values);
      values.variants[0]!.price = '0';
      values.variants[0]!.tiers = [{ minQuantity: '5', unitPrice: '200.000' }];
      values.variants[0]!.stock = '99';
      const refused = editor(
        await run(
          post('/facility/products/che-a/', fieldsOf(values, loaded.revision, loaded.stockSeen)),
          memberA,
          'che-a',
        ),
      );
      expect(refused.status).toBe(400);
      expect(refused.state.errors).toEqual({
        'variants.0.price': 'Giá phải lớn hơn 0 ₫.',
        'variants.0.wholesaleTiers.0.minQuantity':
          'Mức giá sỉ phải bắt đầu từ số lượng đặt tối thiểu trở lên.',
      });
      expect(refused.state.summary).toEqual([
        { anchor: 'le-variants-0-price', message: 'Giá phải lớn hơn 0 ₫.' },
        {
          anchor: 'le-variants-0-wholesaleTiers-0-minQuantity',
          message: 'Mức giá sỉ phải bắt đầu từ số lượng đặt tối thiểu trở lên.',
        },
      ]);
      // What was typed is shown again.
      expect(refused.state.values.variants[0]).toMatchObject({ price: '0', stock: '99' });
      expect(refused.state.stockSeen).toEqual({ 'CHE-A-1': 1500 });
      // Nothing saved: no listing row (revision unchanged), no audit entry, no stock row.
      expect(await savedListing(handle.db, 'che-a')).toBeUndefined();
      expect(await audits('che-a')).toBe(auditsBefore);
      expect(await remaining('CHE-A-1')).toBeUndefined();

      // A word where a number belongs says so (in English on the English page).
      values.variants[0]!.price = 'mười nghìn';
      values.variants[0]!.tiers = [];
      const en = editor(
        await run(post('/en/facility/products/che-a/', fieldsOf(values, 0, {})), memberA, 'che-a', 'en'),
      );
      expect(en.state.errors).toEqual({ 'variants.0.price': 'A whole number is needed, e.g. 125000.' });
    },
  );

  it.skipIf(skipReason)(
    'saves a good listing, audited under the member, shown in the history; undo restores',
    async () => {
      const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      const values = structuredClone(loaded.values);
      values.variants[0]!.price = '300.000';
      values.descriptionVi = 'Chè búp Shan tuyết';
      const saved = await run(
        post('/facility/products/che-a/', fieldsOf(values, loaded.revision, loaded.stockSeen)),
        memberA,
        'che-a',
      );
      expect(saved).toEqual({ kind: 'redirect', location: '/facility/products/che-a/?saved=1' });
      const row = await savedListing(handle.db, 'che-a');
      expect(row!.revision).toBe(1);
      expect(row!.listing!.variants[0]!.price).toBe(300000);
      expect(row!.listing!.description).toEqual({ vi: 'Chè búp Shan tuyết' });
      const [entry] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, 'che-a'), eq(auditLog.action, 'listing.update')));
      expect(entry).toMatchObject({ actorKind: 'user', actorId: 'chu-a', facilityId: 'co-so-a' });
      expect((entry!.after as { revision: number }).revision).toBe(1);

      const after = editor(await run(get('/facility/products/che-a/?saved=1'), memberA, 'che-a')).state;
      expect(after.notice).toBe('Đã lưu. Trang sản phẩm sẽ hiển thị thay đổi trong vài giây.');
      expect(after.revision).toBe(1);
      expect(after.values.variants[0]!.price).toBe('300000');
      expect(after.history.map((h) => [h.revision, h.who, h.current, h.undone])).toEqual([
        [1, 'chu-a@example.vn', true, false],
        [0, 'Thông tin ban đầu (từ tệp danh mục)', false, false],
      ]);
      // vi-VN: the time, then the date in full.
      expect(after.history[0]!.when).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
      expect(after.canUndo).toBe(true);

      // Undo the last change: the files' listing is back, the history marks revision 1 undone.
      const undone = await run(
        post('/facility/products/che-a/', [
          ['action', 'undo'],
          ['revision', '1'],
        ]),
        memberA,
        'che-a',
      );
      expect(undone).toEqual({ kind: 'redirect', location: '/facility/products/che-a/?undone=0' });
      const back = await savedListing(handle.db, 'che-a');
      expect(back!.revision).toBe(0);
      expect(back!.listing).toEqual(listingBodyOf(catalogue.listingByProduct.get('che-a')));
      const shown = editor(await run(get('/facility/products/che-a/?undone=0'), memberA, 'che-a')).state;
      expect(shown.values.variants[0]!.price).toBe('261000');
      expect(shown.history.map((h) => [h.revision, h.current, h.undone])).toEqual([
        [1, false, true],
        [0, true, false],
      ]);
      expect(shown.canUndo).toBe(false);
      expect(shown.notice).toBe(
        'Đã hoàn tác thay đổi gần nhất. Trang sản phẩm sẽ hiển thị thay đổi trong vài giây.',
      );
      const [undoEntry] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, 'che-a'), eq(auditLog.action, 'listing.undo')));
      expect(undoEntry).toMatchObject({ actorId: 'chu-a' });

      // Nothing left to undo.
      const nothing = editor(
        await run(
          post('/facility/products/che-a/', [
            ['action', 'undo'],
            ['revision', '0'],
          ]),
          memberA,
          'che-a',
        ),
      );
      expect(nothing.status).toBe(409);
      expect(nothing.state.error).toBe('Không có thay đổi nào để hoàn tác.');
    },
  );

  it.skipIf(skipReason)(
    'says when someone saved meanwhile, shows theirs, and saves nothing of the stale form',
    async () => {
      const mine = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      const theirs = editor(await run(get('/facility/products/che-a/'), memberA2, 'che-a')).state;
      const theirValues = structuredClone(theirs.values);
      theirValues.variants[1]!.price = '950000';
      const saved = await run(
        post('/facility/products/che-a/', fieldsOf(theirValues, theirs.revision, theirs.stockSeen)),
        memberA2,
        'che-a',
      );
      expect(saved.kind).toBe('redirect');
      const auditsBefore = await audits('che-a');
      const myValues = structuredClone(mine.values);
      myValues.variants[0]!.price = '250000';
      const conflict = editor(
        await run(
          post('/facility/products/che-a/', fieldsOf(myValues, mine.revision, mine.stockSeen)),
          memberA,
          'che-a',
        ),
      );
      expect(conflict.status).toBe(409);
      const newest = (await savedListing(handle.db, 'che-a'))!;
      expect(conflict.state.error).toBe(
        `Chưa lưu: trong lúc bạn sửa, ke-toan-a@example.vn đã lưu một bản mới hơn (bản ${newest.revision}). Dưới đây là bản mới nhất; hãy sửa lại rồi lưu.`,
      );
      expect(conflict.state.revision).toBe(newest.revision);
      expect(conflict.state.values.variants.map((v) => v.price)).toEqual(['261000', '950000']);
      expect(newest.listing!.variants[0]!.price).toBe(261000);
      expect(await audits('che-a')).toBe(auditsBefore);
    },
  );

  it.skipIf(skipReason)('adds and removes variants without saving anything', async () => {
    const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
    const before = await savedListing(handle.db, 'che-a');
    const auditsBefore = await audits('che-a');
    const added = editor(
      await run(
        post(
          '/facility/products/che-a/',
          fieldsOf(loaded.values, loaded.revision, loaded.stockSeen, 'add_variant'),
        ),
        memberA,
        'che-a',
      ),
    ).state;
    expect(added.values.variants.map((v) => [v.sku, v.isNew])).toEqual([
      ['CHE-A-1', false],
      ['CHE-A-2', false],
      ['CHE-A-3', true],
    ]);
    expect(added.revision).toBe(loaded.revision);
    const removed = editor(
      await run(
        post(
          '/facility/products/che-a/',
          fieldsOf(added.values, added.revision, added.stockSeen, 'remove_variant:0'),
        ),
        memberA,
        'che-a',
      ),
    ).state;
    expect(removed.values.variants.map((v) => v.sku)).toEqual(['CHE-A-2', 'CHE-A-3']);
    expect(await savedListing(handle.db, 'che-a')).toEqual(before);
    expect(await audits('che-a')).toBe(auditsBefore);
  });

  it.skipIf(skipReason)(
    'keeps units ordered while the facility edits: 10 shown, 3 ordered, 15 saved → 12',
    async () => {
      await handle.db.transaction((tx) => setStock(tx, 'CHE-A-1', 10));
      const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      expect(loaded.values.variants[0]!.stock).toBe('10');
      expect(loaded.stockSeen['CHE-A-1']).toBe(10);
      // A buyer orders 3 while the form is open.
      expect(await handle.db.transaction((tx) => takeStock(tx, 'CHE-A-1', 3))).toBe(true);
      const values = structuredClone(loaded.values);
      values.variants[0]!.stock = '15';
      const saved = await run(
        post('/facility/products/che-a/', fieldsOf(values, loaded.revision, loaded.stockSeen)),
        memberA,
        'che-a',
      );
      expect(saved.kind).toBe('redirect');
      expect(await remaining('CHE-A-1')).toBe(12);
      const shown = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      expect(shown.values.variants[0]!.stock).toBe('12');
      expect(shown.stockNow['CHE-A-1']).toBe(12);
    },
  );

  it.skipIf(skipReason)(
    'saves "not sold online" for the whole listing as every variant not_sold_online',
    async () => {
      const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      const values = { ...structuredClone(loaded.values), notSoldOnline: true };
      await run(
        post('/facility/products/che-a/', fieldsOf(values, loaded.revision, loaded.stockSeen)),
        memberA,
        'che-a',
      );
      const row = await savedListing(handle.db, 'che-a');
      expect(row!.listing!.variants.map((v) => v.availability)).toEqual([
        'not_sold_online',
        'not_sold_online',
      ]);
      const shown = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
      expect(shown.values.notSoldOnline).toBe(true);
    },
  );

  it.skipIf(skipReason)(
    'starts a product without a listing with one new variant and a SKU made for it',
    async () => {
      const loaded = editor(await run(get('/facility/products/mat-ong-a/'), memberA, 'mat-ong-a')).state;
      expect(loaded.values.variants).toHaveLength(1);
      const [fresh] = loaded.values.variants;
      expect(fresh).toMatchObject({ isNew: true, availability: 'in_stock', minOrderQuantity: '1' });
      expect(fresh!.sku).toMatch(/^MOA-[A-Z0-9]{4}-1$/);
      const values = structuredClone(loaded.values);
      Object.assign(values.variants[0]!, {
        nameVi: 'Bánh A – hộp',
        packSize: 'Hộp 6 cái',
        price: '45000',
        weightGrams: '300',
      });
      const saved = await run(
        post('/facility/products/mat-ong-a/', fieldsOf(values, 0, {})),
        memberA,
        'mat-ong-a',
      );
      expect(saved.kind).toBe('redirect');
      expect((await savedListing(handle.db, 'mat-ong-a'))!.listing!.variants[0]!.sku).toBe(fresh!.sku);
    },
  );

  it.skipIf(skipReason)(
    'gives a member of A 403 for B’s product on GET and POST, and B’s listing stays',
    async () => {
      // B's member saves B's listing first.
      const own = editor(await run(get('/facility/products/gom-b/'), memberB, 'gom-b')).state;
      const values = structuredClone(own.values);
      Object.assign(values.variants[0]!, {
        nameVi: 'Bình gốm',
        packSize: 'Bình 2 l',
        price: '500000',
        weightGrams: '2000',
      });
      expect(
        (await run(post('/facility/products/gom-b/', fieldsOf(values, 0, {})), memberB, 'gom-b')).kind,
      ).toBe('redirect');
      const before = await savedListing(handle.db, 'gom-b');
      const auditsBefore = await audits('gom-b');

      for (const path of ['/facility/products/gom-b/', '/facility/products/gom-b/?facility=co-so-a']) {
        const seen = await run(get(path), memberA, 'gom-b');
        expect(seen).toMatchObject({ kind: 'refused', status: 403 });
        expect(JSON.stringify(seen)).not.toContain('500000');
        const hostile = structuredClone(values);
        hostile.variants[0]!.price = '1';
        for (const action of ['save', 'undo', 'add_variant']) {
          const changed = await run(
            post(path, fieldsOf(hostile, before!.revision, {}, action)),
            memberA,
            'gom-b',
          );
          expect(changed).toMatchObject({ kind: 'refused', status: 403 });
        }
      }
      expect(await savedListing(handle.db, 'gom-b')).toEqual(before);
      expect(await audits('gom-b')).toBe(auditsBefore);

      // Operators may open any facility's product.
      const staff = editor(await run(get('/facility/products/gom-b/'), operator, 'gom-b'));
      expect(staff.context.query).toBe('?facility=co-so-b');
      expect(staff.state.values.variants[0]!.price).toBe('500000');
    },
  );

  it.skipIf(skipReason)('answers 404 for a product the registry does not have', async () => {
    const missing = await run(get('/facility/products/khong-co/'), memberA, 'khong-co');
    expect(missing).toMatchObject({ kind: 'unknown_product', status: 404, productId: 'khong-co' });
  });

  it.skipIf(skipReason)('refuses a post without the revision it was loaded at, saving nothing', async () => {
    const before = await savedListing(handle.db, 'che-a');
    const loaded = editor(await run(get('/facility/products/che-a/'), memberA, 'che-a')).state;
    const fields = fieldsOf(loaded.values, loaded.revision, {}).filter(([name]) => name !== 'revision');
    const refused = editor(await run(post('/facility/products/che-a/', fields), memberA, 'che-a'));
    expect(refused.status).toBe(400);
    expect(refused.state.error).toMatch(/không có gì được lưu/);
    expect(await savedListing(handle.db, 'che-a')).toEqual(before);
  });
});

// The actor the page records is the signed-in person.
describe('actorOf', () => {
  it('labels a member by e-mail', () => {
    expect(actorOf(memberA)).toMatchObject({ kind: 'user', id: 'chu-a', label: 'chu-a@example.vn' });
  });
});
