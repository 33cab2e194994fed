import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { remainingStock } from '~/commerce/cart/stock-store';
import { idempotencyKeys } from '~/commerce/db-schema';
import { loadOrder } from '~/commerce/orders/order-store';
import { type CardGateway, type OrderContext, placeOrder } from '~/commerce/orders/orders-service';
import {
  CARD_PAYMENT_WINDOW_MS,
  EXPIRY_GRACE_MS,
  expireStuckCardOrders,
} from '~/commerce/payments/card-expiry';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

/** The process "crashes" after committing the order: the session call never returns. */
const crashingGateway: CardGateway = { createCheckout: () => new Promise(() => undefined) };
const workingGateway: CardGateway = {
  createCheckout: async (order) => ({
    sessionId: `cs_test_${order.orderNumber}`,
    url: `https://checkout.stripe.test/${order.orderNumber}`,
  }),
};

const PLACED_AT = new Date('2026-03-01T03:00:00Z');
const DEADLINE = new Date(PLACED_AT.getTime() + CARD_PAYMENT_WINDOW_MS + EXPIRY_GRACE_MS);
const after = (ms: number) => new Date(DEADLINE.getTime() + ms);

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`expiring stuck card orders on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    const ctx = (card: CardGateway): OrderContext => ({ ...shop.ctx, card, now: () => PLACED_AT });

    /** Places a card order whose process dies before Stripe answers; resolves once it is committed. */
    async function stuckOrder(key: string, locale: 'vi' | 'en' = 'vi') {
      const request = orderRequest({
        paymentMethod: 'card',
        locale,
        items: [{ sku: 'NM-500', quantity: 1 }],
      });
      void placeOrder(ctx(crashingGateway), request, key);
      for (let i = 0; i < 500; i++) {
        const [row] = await shop.db
          .select({ orderId: idempotencyKeys.orderId })
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.key, key));
        if (row?.orderId) {
          // Committed, and the key answers "in progress" (until the expiry settles it).
          expect(await placeOrder(ctx(crashingGateway), request, key)).toMatchObject({
            ok: false,
            error: { status: 409, code: 'request_in_progress' },
          });
          return request;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the stuck order was never committed');
    }

    it('cancels a card order left without a session past the window: stock back, key settled, buyer told', async () => {
      const request = await stuckOrder('stuck-key-0001');
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(9);
      expect(await expireStuckCardOrders(shop.db, after(-1000))).toEqual([]);

      const expired = await expireStuckCardOrders(shop.db, after(1000));
      expect(expired).toHaveLength(1);
      const order = await loadOrder(shop.db, { orderNumber: expired[0]! });
      expect([order!.status, order!.payment.status, order!.shipments.map((s) => s.status)]).toEqual([
        'cancelled',
        'expired',
        ['cancelled'],
      ]);
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);

      // The same key now gets the final answer, not "in progress" forever.
      const retry = await placeOrder(ctx(workingGateway), request, 'stuck-key-0001');
      expect(retry).toMatchObject({
        ok: false,
        error: { status: 410, code: 'order_expired', orderNumber: expired[0] },
      });
      const messages = await listOutbox(shop.db, { kind: 'order-expired' });
      expect(messages.map((m) => [m.toAddress, m.ref])).toEqual([['lan@example.vn', expired[0]]]);
      expect(messages[0]!.subject).toContain('đã bị hủy');
      expect(await expireStuckCardOrders(shop.db, after(60_000))).toEqual([]);
    });

    it('expires an order whose session was opened but never paid, and tells the buyer in English', async () => {
      const request = orderRequest({ paymentMethod: 'card', locale: 'en' });
      const placed = await placeOrder(ctx(workingGateway), request, 'open-key-0001');
      if (!placed.ok) throw new Error(JSON.stringify(placed.error));
      expect(await expireStuckCardOrders(shop.db, after(1000))).toEqual([placed.body.orderNumber]);
      expect(await placeOrder(ctx(workingGateway), request, 'open-key-0001')).toMatchObject({
        ok: false,
        error: { status: 410, code: 'order_expired' },
      });
      const [message] = await listOutbox(shop.db, { kind: 'order-expired' });
      expect(message!.subject).toBe(`Chợ CNNT: order ${placed.body.orderNumber} was cancelled`);
      expect(message!.textBody).toContain('Nothing was charged');
    });

    it('leaves paid card orders and other payment methods alone', async () => {
      const cod = await placeOrder({ ...shop.ctx, now: () => PLACED_AT }, orderRequest());
      expect(cod.ok).toBe(true);
      expect(await expireStuckCardOrders(shop.db, after(1000))).toEqual([]);
    });

    // PGlite is one connection in one process: two sweeps cannot overlap there.
    it.skipIf(engine.name !== 'postgres')(
      'expires each order once when two sweeps run at the same time (PostgreSQL only: PGlite has one connection)',
      async () => {
        for (let i = 0; i < 6; i++) await stuckOrder(`race-key-000${i}`);
        expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(4);
        const [a, b] = await Promise.all([
          expireStuckCardOrders(shop.db, after(1000)),
          expireStuckCardOrders(shop.db, after(1000)),
        ]);
        expect([...a, ...b].sort()).toHaveLength(6);
        expect(new Set([...a, ...b]).size).toBe(6);
        expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);
        expect(await listOutbox(shop.db, { kind: 'order-expired' })).toHaveLength(6);
      },
    );
  });
}
