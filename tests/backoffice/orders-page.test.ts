/**
 * An order's page in the console on both engines: the timeline from the events each change
 * records in its own transaction, the messages about the order with their text, and the
 * columns standing in for orders placed before events were recorded.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orderPageState, ordersPageState } from '~/backoffice/orders-page';
import { orderEvents } from '~/commerce/db-schema';
import { markPaid } from '~/commerce/orders/order-lifecycle';
import { type CardGateway, placeOrder } from '~/commerce/orders/orders-service';
import { expireStuckCardOrders } from '~/commerce/payments/card-expiry';
import { applyShipmentAction } from '~/commerce/shipments/shipment-actions';
import { enqueueMessage } from '~/notifications/outbox';
import { orderRequest } from '~tests/commerce/fixtures';
import { useCommerceDatabase } from '~tests/commerce/test-database';
import { useTestEnv } from '~tests/commerce/test-env';
import { testEngines } from '~tests/notifications/test-databases';

useTestEnv();

const gateway: CardGateway = {
  createCheckout: async (order) => ({
    sessionId: `cs_test_${order.orderNumber}`,
    url: `https://checkout.stripe.test/${order.orderNumber}`,
  }),
};

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`the console's order page on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine, () => ({ card: gateway }));

    async function place(at: Date, paymentMethod: 'cod' | 'card' = 'cod') {
      const outcome = await placeOrder(
        { ...shop.ctx, now: () => at },
        orderRequest({
          paymentMethod,
          items: [
            { sku: 'NM-1000', quantity: 1 },
            { sku: 'GOM-BINH', quantity: 1 },
          ],
        }),
      );
      if (!outcome.ok) throw new Error(outcome.error.code);
      const state = await orderPageState(shop.db, outcome.body.orderNumber);
      return state!.order;
    }

    const describeTimeline = async (orderNumber: string) =>
      (await orderPageState(shop.db, orderNumber))!.timeline.map((e) =>
        e.type === 'placed'
          ? 'placed'
          : e.type === 'event'
            ? [e.kind, e.facility?.id, e.detail, e.fromColumns ? 'columns' : 'recorded']
                .filter(Boolean)
                .join(' ')
            : `message ${e.message.kind} ${e.message.toAddress} ${e.message.status}`,
      );

    it("shows placing, each shipment's confirm, ship and cancel, and every message, in order", async () => {
      const placedAt = new Date(Date.now() - 3600_000);
      const order = await place(placedAt);
      const [fish, pottery] = order.shipments;
      await applyShipmentAction(shop.db, fish!.id, { action: 'confirm' }, minutes(placedAt, 10));
      await applyShipmentAction(
        shop.db,
        fish!.id,
        { action: 'ship', trackingNumber: 'GHN-123' },
        minutes(placedAt, 20),
      );
      // A corrected tracking number is a second "shipped": both are kept.
      await applyShipmentAction(
        shop.db,
        fish!.id,
        { action: 'ship', trackingNumber: 'GHN-124' },
        minutes(placedAt, 21),
      );
      await applyShipmentAction(
        shop.db,
        pottery!.id,
        { action: 'cancel', reason: 'Hết men lam' },
        minutes(placedAt, 30),
      );

      const timeline = await describeTimeline(order.orderNumber);
      expect(timeline.filter((e) => !e.startsWith('message'))).toEqual([
        'placed',
        'shipment_confirmed co-so-nuoc-mam recorded',
        'shipment_shipped co-so-nuoc-mam GHN-123 recorded',
        'shipment_shipped co-so-nuoc-mam GHN-124 recorded',
        'shipment_cancelled htx-gom Hết men lam recorded',
      ]);
      // Messages carry the database's clock (the real time here, while the changes above were
      // dated by the test), so only their set is compared.
      expect(timeline.filter((e) => e.startsWith('message')).sort()).toEqual([
        'message facility-new-order gom@example.vn pending',
        'message facility-new-order nuocmam@example.vn pending',
        'message order-confirmation lan@example.vn pending',
        'message shipment-update lan@example.vn pending',
        'message shipment-update lan@example.vn pending',
        'message shipment-update lan@example.vn pending',
        'message shipment-update lan@example.vn pending',
      ]);

      const state = (await orderPageState(shop.db, order.orderNumber))!;
      const confirmation = state.timeline.find(
        (e) => e.type === 'message' && e.message.kind === 'order-confirmation',
      );
      expect(confirmation?.type === 'message' && confirmation.message.textBody).toContain(order.orderNumber);
    });

    it('shows a card order paid, and one that expired, with the cancellation', async () => {
      const placedAt = new Date('2026-03-01T03:00:00Z');
      const paid = await place(placedAt, 'card');
      await shop.db.transaction((tx) => markPaid(tx, paid.id, minutes(placedAt, 5)));
      expect(await describeTimeline(paid.orderNumber)).toEqual(
        expect.arrayContaining(['placed', 'paid recorded', 'message order-paid lan@example.vn pending']),
      );

      const unpaid = await place(placedAt, 'card');
      await expireStuckCardOrders(shop.db, minutes(placedAt, 24 * 60 + 16));
      const timeline = await describeTimeline(unpaid.orderNumber);
      expect(timeline.filter((e) => !e.startsWith('message'))).toEqual([
        'placed',
        'payment_expired recorded',
        'shipment_cancelled co-so-nuoc-mam payment_expired recorded',
        'shipment_cancelled htx-gom payment_expired recorded',
        'cancelled payment_expired recorded',
      ]);
      expect(timeline).toContain('message order-expired lan@example.vn pending');
    });

    it('falls back to the columns for an order without events, and lists only its own messages', async () => {
      const placedAt = new Date(Date.now() - 3600_000);
      const order = await place(placedAt);
      const other = await place(placedAt);
      await applyShipmentAction(
        shop.db,
        order.shipments[0]!.id,
        { action: 'ship', trackingNumber: 'VN-1' },
        minutes(placedAt, 5),
      );
      // Shipping from pending confirms too, and both are recorded.
      expect((await describeTimeline(order.orderNumber)).filter((e) => !e.startsWith('message'))).toEqual([
        'placed',
        'shipment_confirmed co-so-nuoc-mam recorded',
        'shipment_shipped co-so-nuoc-mam VN-1 recorded',
      ]);
      // As if placed and shipped before migration 0106.
      await shop.db.delete(orderEvents).where(eq(orderEvents.orderId, order.id));
      // A ref that only starts with the same characters is another thing's message.
      await enqueueMessage(shop.db, {
        kind: 'test-note',
        ref: `${order.orderNumber}X`,
        to: 'x@example.vn',
        subject: 'Not about the order',
        text: 'no',
      });

      const timeline = await describeTimeline(order.orderNumber);
      expect(timeline.filter((e) => !e.startsWith('message'))).toEqual([
        'placed',
        // The columns say it too (confirmed_at is set when shipping from pending).
        'shipment_confirmed co-so-nuoc-mam columns',
        'shipment_shipped co-so-nuoc-mam VN-1 columns',
      ]);
      expect(timeline.some((e) => e.includes('test-note'))).toBe(false);
      expect(timeline.filter((e) => e.startsWith('message'))).toHaveLength(4);
      expect(await describeTimeline(other.orderNumber)).toHaveLength(4);
    });

    it('answers null for an unknown order, and the list finds a placed order by its number', async () => {
      expect(await orderPageState(shop.db, 'CNNT-260301-ZZZZZ')).toBeNull();
      const order = await place(new Date());
      const state = await ordersPageState(
        shop.db,
        new URL(`https://x.test/admin/orders/?q=${order.orderNumber}`),
      );
      expect(state.rows.map((r) => r.orderNumber)).toEqual([order.orderNumber]);
      expect(state.parsed.problems).toEqual([]);
    });
  });
}
