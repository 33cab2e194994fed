/**
 * The console's order search on both engines: each filter, the keyset pages (orders placed in
 * the same millisecond included), and the card_stuck queue agreeing with the dashboard count.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '~/commerce/db-schema';
import { commerceQueueCounts } from '~/commerce/orders/console-queues';
import type { OrderRequest } from '~/commerce/orders/order-input';
import { parseOrderSearch } from '~/commerce/orders/order-search';
import { ORDER_PAGE_SIZE, searchOrders } from '~/commerce/orders/order-search-store';
import { loadOrder } from '~/commerce/orders/order-store';
import { type CardGateway, placeOrder } from '~/commerce/orders/orders-service';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

const gateway: CardGateway = {
  createCheckout: async (order) => ({
    sessionId: `cs_test_${order.orderNumber}`,
    url: `https://checkout.stripe.test/${order.orderNumber}`,
  }),
};
const brokenGateway: CardGateway = {
  createCheckout: async () => {
    throw new Error('Stripe is down');
  },
};

// Untracked SKUs: any number of orders can be placed.
const FISH = [{ sku: 'NM-1000', quantity: 1 }];
const POTTERY = [{ sku: 'GOM-BINH', quantity: 1 }];
const BOTH = [...FISH, ...POTTERY];

const buyer = (phone: string, email?: string) => ({
  name: 'Nguyễn Thị Lan',
  phone,
  ...(email ? { email } : {}),
  address: '12 Lê Lợi, phường Bến Nghé',
  province: 'Thành phố Hồ Chí Minh',
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`order search on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine, () => ({ card: gateway }));

    async function place(at: string, overrides: Partial<OrderRequest>, card = gateway): Promise<string> {
      const outcome = await placeOrder(
        { ...shop.ctx, card, now: () => new Date(at) },
        orderRequest(overrides),
      );
      if (outcome.ok) return outcome.body.orderNumber;
      if (outcome.error.code === 'payment_unavailable') {
        const [last] = (await searchOrders(shop.db, {})).rows;
        return last!.orderNumber;
      }
      throw new Error(`order refused: ${outcome.error.code}`);
    }

    const search = async (query: string, now?: Date) =>
      (await searchOrders(shop.db, parseOrderSearch(new URLSearchParams(query)).search, now)).rows.map(
        (r) => r.orderNumber,
      );

    it('finds orders by number, phone or e-mail as people type them, newest first', async () => {
      const lan1 = await place('2026-03-01T03:00:00Z', {
        items: FISH,
        buyer: buyer('0912345678', 'lan@example.vn'),
      });
      const other = await place('2026-03-02T03:00:00Z', { items: FISH, buyer: buyer('0987654321') });
      const lan2 = await place('2026-03-03T03:00:00Z', {
        items: BOTH,
        buyer: buyer('+84912345678', 'LAN@example.vn'),
      });

      expect(await search(`q=${lan1.toLowerCase().replace(/-/g, ' ')}`)).toEqual([lan1]);
      expect(await search('q=CNNT-260301-ZZZZZ')).toEqual([]);
      expect(await search(`q=${encodeURIComponent('0912 345 678')}`)).toEqual([lan2, lan1]);
      expect(await search(`q=${encodeURIComponent('+84 912.345.678')}`)).toEqual([lan2, lan1]);
      expect(await search(`q=${encodeURIComponent('Lan@Example.vn')}`)).toEqual([lan2, lan1]);
      expect(await search('q=0987654321')).toEqual([other]);
      expect(await search('')).toEqual([lan2, other, lan1]);

      const [row] = (await searchOrders(shop.db, { query: { by: 'orderNumber', value: lan2 } })).rows;
      expect(row).toMatchObject({
        orderNumber: lan2,
        status: 'placed',
        paymentMethod: 'cod',
        paymentStatus: 'pending',
        buyerPhone: '0912345678',
        buyerEmail: 'lan@example.vn',
        shipments: [
          { facilityId: 'co-so-nuoc-mam', status: 'pending' },
          { facilityId: 'htx-gom', status: 'pending' },
        ],
      });
    });

    it('filters by facility, order status, payment and Vietnam days', async () => {
      // 2026-03-01T18:00Z is already 2 March in Vietnam.
      const fishMar1 = await place('2026-03-01T03:00:00Z', { items: FISH });
      const potteryMar2 = await place('2026-03-01T18:00:00Z', {
        items: POTTERY,
        paymentMethod: 'bank_transfer',
      });
      const bothMar3 = await place('2026-03-03T03:00:00Z', { items: BOTH, paymentMethod: 'card' });
      const cancelled = await place(
        '2026-03-04T03:00:00Z',
        { items: POTTERY, paymentMethod: 'card' },
        brokenGateway,
      );

      expect(await search('facility=htx-gom')).toEqual([cancelled, bothMar3, potteryMar2]);
      expect(await search('facility=co-so-nuoc-mam')).toEqual([bothMar3, fishMar1]);
      expect(await search('facility=nobody')).toEqual([]);
      expect(await search('status=pending_payment')).toEqual([bothMar3]);
      expect(await search('status=cancelled&facility=htx-gom')).toEqual([cancelled]);
      expect(await search('method=bank_transfer')).toEqual([potteryMar2]);
      expect(await search('method=card&payment=pending')).toEqual([cancelled, bothMar3]);
      expect(await search('from=2026-03-02&to=2026-03-03')).toEqual([bothMar3, potteryMar2]);
      expect(await search('to=2026-03-01')).toEqual([fishMar1]);
      expect(await search('facility=htx-gom&status=placed&from=2026-03-02&to=2026-03-02')).toEqual([
        potteryMar2,
      ]);
      // A filter the search could not read is left out, not guessed.
      expect(await search('q=nonsense&facility=htx-gom&status=placed')).toEqual([potteryMar2]);
    });

    it('pages newest first with a keyset, orders placed in the same millisecond included', async () => {
      const placed: string[] = [];
      for (let i = 0; i < ORDER_PAGE_SIZE * 2 + 5; i++)
        // Three at each instant: the order id breaks the tie.
        placed.push(
          await place(new Date(Date.UTC(2026, 2, 1, 3, 0, Math.floor(i / 3))).toISOString(), { items: FISH }),
        );
      const seen: string[] = [];
      let query = '';
      for (let pages = 0; pages < 5; pages++) {
        const page = await searchOrders(shop.db, parseOrderSearch(new URLSearchParams(query)).search);
        seen.push(...page.rows.map((r) => r.orderNumber));
        if (!page.next) break;
        expect(page.rows).toHaveLength(ORDER_PAGE_SIZE);
        query = `after=${page.next}`;
      }
      expect(seen).toEqual([...placed].reverse());
      // The keyset keeps the filters: the phone search pages the same way.
      const byPhone = await searchOrders(shop.db, {
        query: { by: 'phone', value: '0912345678' },
        after: placed[10]!,
      });
      expect(byPhone.rows.map((r) => r.orderNumber)).toEqual(placed.slice(0, 10).reverse());
      expect(byPhone.next).toBeUndefined();
    });

    it('lists the card orders stuck exactly as the dashboard counts them', async () => {
      const now = new Date('2026-03-05T12:00:00Z');
      const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
      const noSession = async (orderNumber: string) => {
        const order = await loadOrder(shop.db, { orderNumber });
        await shop.db.update(payments).set({ stripeSessionId: null }).where(eq(payments.orderId, order!.id));
      };
      // A crash before the session was made, 11 minutes ago: stuck.
      const crashed = await place(ago(11), { items: FISH, paymentMethod: 'card' });
      await noSession(crashed);
      // The same 5 minutes ago: Stripe may still be answering.
      const recent = await place(ago(5), { items: FISH, paymentMethod: 'card' });
      await noSession(recent);
      // A session, 5 hours old: the buyer may still pay.
      await place(ago(300), { items: FISH, paymentMethod: 'card' });
      // A session past its expiry and grace (24 h + 15 min): the expiry job missed it.
      const expired = await place(ago(24 * 60 + 16), { items: FISH, paymentMethod: 'card' });
      // Stripe failed, so the order was cancelled: its payment stays pending, nothing is stuck.
      await place(ago(60), { items: FISH, paymentMethod: 'card' }, brokenGateway);
      await place(ago(60), { items: FISH, paymentMethod: 'cod' });

      const stuck = await search('queue=card_stuck', now);
      expect(stuck).toEqual([crashed, expired]);
      expect((await commerceQueueCounts(shop.db, now)).cardOrdersStuck).toBe(stuck.length);
      expect(await search(`queue=card_stuck&q=${crashed}`, now)).toEqual([crashed]);
    });
  });
}
