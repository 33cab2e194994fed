/**
 * The inbox's orders on PGlite and PostgreSQL: a facility sees only its own shipment of an order
 * several facilities share; a member of A can neither list, open nor act on B's shipment (every
 * verb: 403 or 404, nothing changed, nothing audited); confirm, ship and cancel through the
 * inbox change exactly what the signed link changes and are audited under the person, while
 * the signed link keeps working (and stays unaudited: no person behind it); counts, state and
 * text filters, newest first, 50 a page.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { shipments } from '~/commerce/db-schema';
import { markPaid } from '~/commerce/orders/order-lifecycle';
import { shipmentToken } from '~/commerce/orders/order-links';
import { loadOrder, type OrderDetails } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { facilityPageState } from '~/commerce/shipments/facility-page';
import { applyShipmentAction } from '~/commerce/shipments/shipment-actions';
import { auditLog } from '~/db/audit-log';
import { formatVnd } from '~/i18n/format';
import { listOutbox } from '~/notifications/outbox';
import { type InboxOrderOutcome, inboxOrderPageState } from '~/portal/inbox-order-page';
import { type InboxPageOutcome, inboxPageState, inboxPendingCount } from '~/portal/inbox-page';
import type { PortalPrincipal } from '~/portal/portal-page';
import { testEngines } from '~tests/notifications/test-databases';
import { fixtureCatalogue, orderRequest } from '../commerce/fixtures';
import { useCommerceDatabase } from '../commerce/test-database';
import { useTestEnv } from '../commerce/test-env';
import { portalPerson as person } from './portal-page-fixture';

useTestEnv();

const FISH = 'co-so-nuoc-mam';
const POTTERY = 'htx-gom';
const catalogue = fixtureCatalogue();

const fishMember = person('chu-nuoc-mam', 'facility', FISH);
const potteryMember = person('chu-gom', 'facility', POTTERY);
const operator = person('van-hanh', 'operator');

const base = 'http://localhost:4321';
const get = (path: string) => new Request(`${base}${path}`);
const post = (path: string, fields: Record<string, string>) =>
  new Request(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) });

function listPage(outcome: InboxPageOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}
function itemPage(outcome: InboxOrderOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`inbox orders on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    async function order(overrides: Parameters<typeof orderRequest>[0] = {}): Promise<OrderDetails> {
      const outcome = await placeOrder(shop.ctx, orderRequest(overrides));
      if (!outcome.ok) throw new Error(`order failed: ${JSON.stringify(outcome.error)}`);
      return (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
    }
    const shipmentOf = (o: OrderDetails, facilityId: string) =>
      o.shipments.find((s) => s.facilityId === facilityId)!;
    const list = (path: string, who: PortalPrincipal) =>
      inboxPageState(shop.db, get(path), 'vi', who, catalogue).then(listPage);
    const item = (request: Request, who: PortalPrincipal, id: number | string) =>
      inboxOrderPageState(shop.db, request, 'vi', who, catalogue, String(id));
    const auditOf = (shipmentId: number) =>
      shop.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'shipment'), eq(auditLog.targetId, String(shipmentId))))
        .orderBy(auditLog.id);

    it("lists only the facility's own part of an order several facilities share", async () => {
      const placed = await order();
      const fish = list('/facility/inbox/', fishMember);
      const pottery = list('/facility/inbox/', potteryMember);
      const [a, b] = await Promise.all([fish, pottery]);
      expect(a.status).toBe(200);
      expect(a.state!.orders).toHaveLength(1);
      expect(a.state!.orders[0]).toMatchObject({
        orderNumber: placed.orderNumber,
        buyerName: 'Nguyễn Thị Lan',
        state: 'new',
        total: formatVnd(shipmentOf(placed, FISH).total, 'vi'),
        href: `/facility/inbox/orders/${shipmentOf(placed, FISH).id}/?facility=${FISH}`,
      });
      expect(b.state!.orders[0]!.href).toBe(
        `/facility/inbox/orders/${shipmentOf(placed, POTTERY).id}/?facility=${POTTERY}`,
      );
      // The shipment page shows this facility's lines only.
      const opened = itemPage(
        await item(
          get(`/facility/inbox/orders/${shipmentOf(placed, FISH).id}/`),
          fishMember,
          shipmentOf(placed, FISH).id,
        ),
      );
      expect(opened.status).toBe(200);
      expect(opened.state!.shipment.items.map((i) => i.sku)).toEqual(['NM-500']);
    });

    it("gives a member of A 403 or 404 for B's orders on every verb, and changes nothing", async () => {
      const placed = await order();
      const theirs = shipmentOf(placed, POTTERY);
      const actions: Record<string, string>[] = [
        { action: 'confirm' },
        { action: 'ship', trackingNumber: 'GHN-5550001' },
        { action: 'cancel', reason: 'không phải của tôi' },
      ];
      // B's inbox list, read or posted to.
      expect((await list(`/facility/inbox/?facility=${POTTERY}`, fishMember)).status).toBe(403);
      const listPost = listPage(
        await inboxPageState(
          shop.db,
          post(`/facility/inbox/?facility=${POTTERY}`, { action: 'preferences' }),
          'vi',
          fishMember,
          catalogue,
        ),
      );
      expect([listPost.status, listPost.state]).toEqual([403, null]);
      // B's shipment: named with B (403, the facility is not theirs) or with A's own inbox (404).
      const outcomes = [
        await item(get(`/facility/inbox/orders/${theirs.id}/?facility=${POTTERY}`), fishMember, theirs.id),
        await item(get(`/facility/inbox/orders/${theirs.id}/`), fishMember, theirs.id),
      ];
      for (const fields of actions) {
        outcomes.push(
          await item(
            post(`/facility/inbox/orders/${theirs.id}/?facility=${POTTERY}`, fields),
            fishMember,
            theirs.id,
          ),
          await item(post(`/facility/inbox/orders/${theirs.id}/`, fields), fishMember, theirs.id),
          await item(
            post(`/facility/inbox/orders/${theirs.id}/?facility=${FISH}`, fields),
            fishMember,
            theirs.id,
          ),
        );
      }
      expect(outcomes.map((o) => itemPage(o).status)).toEqual([
        403, 404, 403, 404, 404, 403, 404, 404, 403, 404, 404,
      ]);
      expect(outcomes.every((o) => itemPage(o).state === null)).toBe(true);
      // The function under the page refuses too, whatever calls it.
      const direct = await applyShipmentAction(shop.db, theirs.id, { action: 'confirm' }, new Date(), {
        facilityId: FISH,
        actor: { kind: 'user', id: 'x', label: 'x', role: 'facility' },
      });
      expect(direct).toEqual({ ok: false, code: 'not_found' });
      const after = (await loadOrder(shop.db, { orderId: placed.id }))!;
      expect(shipmentOf(after, POTTERY)).toMatchObject({
        status: 'pending',
        trackingNumber: null,
        cancelReason: null,
      });
      expect(await auditOf(theirs.id)).toEqual([]);
      expect(await listOutbox(shop.db, { kind: 'shipment-update' })).toEqual([]);
      // Nonsense ids are not found either.
      for (const id of ['0', '-1', 'abc', '1e3', '99999999999999999999'])
        expect(itemPage(await item(get(`/facility/inbox/orders/${id}/`), fishMember, id)).status).toBe(404);
    });

    it('confirms, ships and cancels through the inbox as the signed link does, audited under the person', async () => {
      const viaInbox = await order();
      const viaLink = await order();
      const mine = shipmentOf(viaInbox, FISH);
      const linked = shipmentOf(viaLink, FISH);
      const path = `/facility/inbox/orders/${mine.id}/?facility=${FISH}`;
      const token = shipmentToken(linked.id);
      const link = (fields?: Record<string, string>) =>
        facilityPageState(
          shop.db,
          token,
          fields ? post(`/facility/orders/${token}/`, fields) : get(`/facility/orders/${token}/`),
          'vi',
        );

      const confirmed = await item(post(path, { action: 'confirm' }), fishMember, mine.id);
      expect(confirmed).toEqual({
        kind: 'redirect',
        location: `/facility/inbox/orders/${mine.id}/?facility=${FISH}&done=confirmed`,
      });
      expect(await link({ action: 'confirm' })).toEqual({
        kind: 'redirect',
        location: `/facility/orders/${token}/?done=confirmed`,
      });
      // Confirming again changes nothing: no second audit entry.
      await item(post(path, { action: 'confirm' }), fishMember, mine.id);
      const shipped = await item(
        post(path, { action: 'ship', trackingNumber: 'GHN-7770001' }),
        fishMember,
        mine.id,
      );
      expect(shipped.kind).toBe('redirect');
      expect((await link({ action: 'ship', trackingNumber: 'GHN-7770001' })).kind).toBe('redirect');

      const comparable = (o: OrderDetails, id: number) => {
        const s = o.shipments.find((x) => x.id === id)!;
        return {
          status: s.status,
          trackingNumber: s.trackingNumber,
          confirmed: s.confirmedAt !== null,
          shipped: s.shippedAt !== null,
        };
      };
      const inboxSide = comparable((await loadOrder(shop.db, { orderId: viaInbox.id }))!, mine.id);
      const linkSide = comparable((await loadOrder(shop.db, { orderId: viaLink.id }))!, linked.id);
      expect(inboxSide).toEqual({
        status: 'shipped',
        trackingNumber: 'GHN-7770001',
        confirmed: true,
        shipped: true,
      });
      expect(inboxSide).toEqual(linkSide);
      // The buyer hears the same from both.
      const updates = await listOutbox(shop.db, { kind: 'shipment-update' });
      expect(updates.map((m) => m.ref).sort()).toEqual(
        [
          `${viaInbox.orderNumber}/${FISH}/confirmed`,
          `${viaInbox.orderNumber}/${FISH}/shipped/GHN-7770001`,
          `${viaLink.orderNumber}/${FISH}/confirmed`,
          `${viaLink.orderNumber}/${FISH}/shipped/GHN-7770001`,
        ].sort(),
      );

      const audited = await auditOf(mine.id);
      expect(audited.map((a) => a.action)).toEqual(['shipment.confirm', 'shipment.ship']);
      expect(audited[1]).toMatchObject({
        actorKind: 'user',
        actorId: fishMember.userId,
        actorLabel: fishMember.email,
        actorRole: 'facility',
        facilityId: FISH,
        before: { orderNumber: viaInbox.orderNumber, status: 'confirmed', trackingNumber: null },
        after: {
          orderNumber: viaInbox.orderNumber,
          status: 'shipped',
          trackingNumber: 'GHN-7770001',
          cancelReason: null,
        },
      });
      expect(await auditOf(linked.id)).toEqual([]);

      // Cancelling, with its reason; the other facility's part of the order is untouched.
      const pottery = shipmentOf(viaInbox, POTTERY);
      const cancelled = await item(
        post(`/facility/inbox/orders/${pottery.id}/`, { action: 'cancel', reason: 'Lò nung đang sửa' }),
        potteryMember,
        pottery.id,
      );
      expect(cancelled).toEqual({
        kind: 'redirect',
        location: `/facility/inbox/orders/${pottery.id}/?done=cancelled`,
      });
      const final = (await loadOrder(shop.db, { orderId: viaInbox.id }))!;
      expect(shipmentOf(final, POTTERY)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Lò nung đang sửa',
      });
      expect(shipmentOf(final, FISH).status).toBe('shipped');
      expect((await auditOf(pottery.id)).map((a) => [a.action, a.actorId])).toEqual([
        ['shipment.cancel', potteryMember.userId],
      ]);

      // A refused action says why, with 409, and changes nothing (as on the signed link).
      const refused = itemPage(
        await item(post(path, { action: 'cancel', reason: 'đổi ý' }), fishMember, mine.id),
      );
      expect(refused.status).toBe(409);
      expect(refused.state!.error).toBe('Không thực hiện được: phần hàng đang ở trạng thái “Đã gửi hàng”.');
      const badTracking = itemPage(
        await item(
          post(`/facility/inbox/orders/${pottery.id}/`, { action: 'ship', trackingNumber: 'x' }),
          potteryMember,
          pottery.id,
        ),
      );
      expect(badTracking.status).toBe(409);
      expect((await auditOf(mine.id)).length).toBe(2);
    });

    it('lets operators act on any facility, audited under the operator', async () => {
      const placed = await order();
      const fish = shipmentOf(placed, FISH);
      const outcome = await item(
        post(`/facility/inbox/orders/${fish.id}/?facility=${FISH}`, { action: 'confirm' }),
        operator,
        fish.id,
      );
      expect(outcome.kind).toBe('redirect');
      expect((await auditOf(fish.id)).map((a) => [a.actorId, a.actorRole])).toEqual([
        [operator.userId, 'operator'],
      ]);
      // Without ?facility=, an operator with no facility of their own has no inbox to show.
      expect(
        itemPage(await item(get(`/facility/inbox/orders/${fish.id}/`), operator, fish.id)).state,
      ).toBeNull();
    });

    it('keeps the signed link working for facilities without accounts', async () => {
      const placed = await order();
      const fish = shipmentOf(placed, FISH);
      const token = shipmentToken(fish.id);
      const view = await facilityPageState(shop.db, token, get(`/facility/orders/${token}/`), 'vi');
      expect(view).toMatchObject({ kind: 'view', shipment: { id: fish.id, status: 'pending' } });
      expect(view.kind === 'view' && view.expires instanceof Date).toBe(true);
      expect(await facilityPageState(shop.db, `${token}x`, get('/facility/orders/x/'), 'vi')).toEqual({
        kind: 'invalid',
      });
      const cancelled = await facilityPageState(
        shop.db,
        token,
        post(`/facility/orders/${token}/`, { action: 'cancel', reason: 'Hết hàng' }),
        'en',
      );
      expect(cancelled).toEqual({ kind: 'redirect', location: `/facility/orders/${token}/?done=cancelled` });
      const after = await facilityPageState(
        shop.db,
        token,
        get(`/facility/orders/${token}/?done=cancelled`),
        'vi',
      );
      expect(after).toMatchObject({ kind: 'view', done: 'cancelled', shipment: { status: 'cancelled' } });
      expect(await auditOf(fish.id)).toEqual([]);
    });

    it('counts per state, filters by state and text, newest first, 50 a page', async () => {
      const lan = await order();
      const minh = await order({
        items: [{ sku: 'NM-1000', quantity: 1 }],
        buyer: {
          name: 'Trần Văn Minh',
          phone: '0987654321',
          address: '5 Trần Phú',
          province: 'Hà Nội',
        },
      });
      const third = await order({ items: [{ sku: 'NM-1000', quantity: 2 }] });
      await applyShipmentAction(shop.db, shipmentOf(minh, FISH).id, { action: 'confirm' });
      await applyShipmentAction(shop.db, shipmentOf(third, FISH).id, {
        action: 'ship',
        trackingNumber: 'VTP-0001',
      });
      // A card order not paid yet told the facility nothing: it is not in the inbox.
      const unpaid = await placeOrder(
        {
          ...shop.ctx,
          card: {
            createCheckout: async () => ({ sessionId: `cs_${randomUUID()}`, url: 'https://stripe.test/c' }),
          },
        },
        orderRequest({ paymentMethod: 'card', items: [{ sku: 'NM-1000', quantity: 1 }] }),
      );
      if (!unpaid.ok) throw new Error('card order failed');

      const all = await list('/facility/inbox/', fishMember);
      expect(all.state!.counts.orders).toEqual({ new: 1, to_ship: 1, shipped: 1, cancelled: 0, all: 3 });
      expect(all.state!.orders.map((o) => o.orderNumber)).toEqual([
        third.orderNumber,
        minh.orderNumber,
        lan.orderNumber,
      ]);
      expect(all.state!.states.map((s) => [s.state, s.count])).toEqual([
        [null, 3],
        ['new', 1],
        ['to_ship', 1],
        ['shipped', 1],
        ['cancelled', 0],
      ]);
      expect(await inboxPendingCount(shop.db, FISH)).toBe(2);

      const numbers = async (query: string) =>
        (await list(`/facility/inbox/${query}`, fishMember)).state!.orders.map((o) => o.orderNumber);
      expect(await numbers('?state=to_ship')).toEqual([minh.orderNumber]);
      expect(await numbers('?state=shipped')).toEqual([third.orderNumber]);
      expect(
        await numbers(`?q=${encodeURIComponent(minh.orderNumber.toLowerCase().replace(/-/g, ' '))}`),
      ).toEqual([minh.orderNumber]);
      expect(await numbers(`?q=${encodeURIComponent(minh.orderNumber.slice(-5))}`)).toEqual([
        minh.orderNumber,
      ]);
      expect(await numbers('?q=%2B84+987+654+321')).toEqual([minh.orderNumber]);
      expect(await numbers('?q=tran+van')).toEqual([minh.orderNumber]);
      expect(await numbers('?q=NGUY%E1%BB%84N')).toEqual([third.orderNumber, lan.orderNumber]);
      expect(await numbers('?q=nguyen&state=new')).toEqual([lan.orderNumber]);
      const none = await list('/facility/inbox/?q=khong+co+ai', fishMember);
      expect(none.state!.orders).toEqual([]);
      expect(none.state!.clearHref).toBe('/facility/inbox/');

      // Once paid, the card order is in.
      const paid = (await loadOrder(shop.db, { orderNumber: unpaid.body.orderNumber }))!;
      await shop.db.transaction((tx) => markPaid(tx, paid.id, new Date()));
      expect((await list('/facility/inbox/', fishMember)).state!.counts.orders.all).toBe(4);

      // 50 a page: 47 more orders make 51.
      for (let i = 0; i < 47; i++) await order({ items: [{ sku: 'NM-1000', quantity: 1 }] });
      const first = await list('/facility/inbox/?state=new', fishMember);
      expect(first.state!.total).toBe(49);
      const page1 = await list('/facility/inbox/', fishMember);
      expect([
        page1.state!.orders.length,
        page1.state!.total,
        page1.state!.pages,
        page1.state!.from,
        page1.state!.to,
      ]).toEqual([50, 51, 2, 1, 50]);
      expect(page1.state!.nextHref).toBe('/facility/inbox/?page=2');
      expect(page1.state!.previousHref).toBeUndefined();
      const page2 = await list('/facility/inbox/?page=2', fishMember);
      expect(page2.state!.orders.map((o) => o.orderNumber)).toEqual([lan.orderNumber]);
      expect([page2.state!.from, page2.state!.to, page2.state!.previousHref, page2.state!.nextHref]).toEqual([
        51,
        51,
        '/facility/inbox/',
        undefined,
      ]);
      const ids = new Set([...page1.state!.orders, ...page2.state!.orders].map((o) => o.orderNumber));
      expect(ids.size).toBe(51);
      // The pottery facility's inbox has only the one order it is part of.
      const pottery = await list('/facility/inbox/', potteryMember);
      expect(pottery.state!.orders.map((o) => o.orderNumber)).toEqual([lan.orderNumber]);
      expect(await shop.db.$count(shipments, eq(shipments.facilityId, POTTERY))).toBe(1);
    });
  });
}
