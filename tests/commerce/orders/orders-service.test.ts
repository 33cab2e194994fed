import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { remainingStock } from '~/commerce/cart/stock-store';
import { orders } from '~/commerce/db-schema';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { vietQrPayload } from '~/commerce/payments/vietqr';
import { resetEnvCache } from '~/config/env';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import { fixtureCatalogue, orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`placing orders on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    it('records a cash-on-delivery order with one shipment per facility and tells everyone', async () => {
      const outcome = await placeOrder(shop.ctx, orderRequest());
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      const { body } = outcome;
      expect(body).toMatchObject({
        total: 370_000,
        currency: 'VND',
        payment: { method: 'cod', status: 'pending', amount: 370_000 },
      });
      expect(body.statusUrl).toMatch(new RegExp(`^/orders/${body.orderNumber}/\\?key=`));
      const order = await loadOrder(shop.db, { orderNumber: body.orderNumber });
      expect(order).toMatchObject({
        status: 'placed',
        buyerPhone: '0912345678',
        province: 'Hồ Chí Minh',
        subtotal: 310_000,
        shippingTotal: 60_000,
      });
      expect(
        order!.shipments.map((s) => [s.facilityId, s.status, s.items.map((i) => `${i.sku}×${i.quantity}`)]),
      ).toEqual([
        ['co-so-nuoc-mam', 'pending', ['NM-500×2']],
        ['htx-gom', 'pending', ['GOM-CHEN×1']],
      ]);
      expect(Object.fromEntries(await remainingStock(shop.db, ['NM-500', 'GOM-CHEN']))).toEqual({
        'NM-500': 8,
        'GOM-CHEN': 2,
      });
      const outbox = await listOutbox(shop.db);
      expect(outbox.map((m) => [m.kind, m.toAddress])).toEqual([
        ['order-confirmation', 'lan@example.vn'],
        ['facility-new-order', 'nuocmam@example.vn'],
        ['facility-new-order', 'gom@example.vn'],
      ]);
      expect(outbox[1]!.textBody).toContain('https://cho-cnnt.test/facility/orders/');
      expect(outbox[1]!.textBody).toContain('0912345678');
      expect(outbox[0]!.textBody).toContain('370.000');
    });

    it('sends the new order of a facility without e-mail to the operators, or to nobody', async () => {
      const catalogue = fixtureCatalogue();
      const { email: _dropped, ...noEmail } = catalogue.facilityById.get('htx-gom')!;
      const withoutEmail = new Catalogue({
        ...catalogue.data,
        facilities: catalogue.data.facilities.map((f) => (f.id === 'htx-gom' ? noEmail : f)),
      });
      await placeOrder({ ...shop.ctx, catalogue: withoutEmail }, orderRequest());
      expect((await listOutbox(shop.db, { kind: 'facility-new-order' })).map((m) => m.toAddress)).toEqual([
        'nuocmam@example.vn',
      ]);
      process.env.ORDERS_EMAIL = 'don-hang@cho-cnnt.test';
      resetEnvCache();
      try {
        const outcome = await placeOrder({ ...shop.ctx, catalogue: withoutEmail }, orderRequest());
        const relayed = await listOutbox(shop.db, { to: 'don-hang@cho-cnnt.test' });
        expect(relayed.map((m) => m.ref)).toEqual([`${outcome.ok && outcome.body.orderNumber}/htx-gom`]);
        expect(relayed[0]!.subject).toMatch(/^\[Chuyển cho cơ sở\]/);
        expect(relayed[0]!.textBody).toContain('https://cho-cnnt.test/facilities/htx-gom/');
      } finally {
        delete process.env.ORDERS_EMAIL;
        resetEnvCache();
      }
    });

    it('gives bank transfer details with a VietQR for the amount and order number', async () => {
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'bank_transfer' }));
      if (!outcome.ok || outcome.body.payment.method !== 'bank_transfer')
        throw new Error('expected a bank transfer');
      const { payment, orderNumber } = outcome.body;
      expect(payment.purpose).toBe(orderNumber);
      expect(payment.qrPayload).toBe(
        vietQrPayload({
          bankBin: '970436',
          accountNumber: '0011004299999',
          amount: 370_000,
          purpose: orderNumber,
        }),
      );
    });

    it('refuses card payment when Stripe is not configured', async () => {
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'card' }));
      expect(outcome).toMatchObject({ ok: false, error: { status: 400, code: 'card_unavailable' } });
    });

    it('rejects items that cannot be sold and records nothing', async () => {
      const outcome = await placeOrder(
        shop.ctx,
        orderRequest({
          items: [
            { sku: 'NM-GIFT', quantity: 1 },
            { sku: 'NOPE-1', quantity: 1 },
          ],
        }),
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          status: 400,
          code: 'invalid_items',
          fields: {
            'items.0.sku': expect.stringMatching(/not sold online/),
            'items.1.sku': expect.any(String),
          },
        },
      });
      expect(await shop.db.$count(orders)).toBe(0);
    });

    it('never oversells: a shortfall rolls the whole order back', async () => {
      const first = await placeOrder(
        shop.ctx,
        orderRequest({
          items: [
            { sku: 'NM-1000', quantity: 1 },
            { sku: 'GOM-CHEN', quantity: 3 },
          ],
        }),
      );
      expect(first.ok).toBe(true);
      const second = await placeOrder(
        shop.ctx,
        orderRequest({
          items: [
            { sku: 'NM-500', quantity: 1 },
            { sku: 'GOM-CHEN', quantity: 1 },
          ],
        }),
      );
      expect(second).toMatchObject({
        ok: false,
        error: { status: 409, code: 'out_of_stock', fields: { 'items.1.quantity': 'sold out' } },
      });
      expect(Object.fromEntries(await remainingStock(shop.db, ['NM-500', 'GOM-CHEN']))).toEqual({
        'NM-500': 10,
        'GOM-CHEN': 0,
      });
      expect(await shop.db.$count(orders)).toBe(1);
    });

    it('sells exactly the stock to many concurrent buyers', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 40 }, () =>
          placeOrder(shop.ctx, orderRequest({ items: [{ sku: 'NM-500', quantity: 1 }] })),
        ),
      );
      expect(attempts.filter((a) => a.ok)).toHaveLength(10);
      expect(attempts.filter((a) => !a.ok && a.error.code === 'out_of_stock')).toHaveLength(30);
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(0);
    });

    it('makes one order per Idempotency-Key and refuses the key for another body', async () => {
      const request = orderRequest();
      const [a, b] = await Promise.all([
        placeOrder(shop.ctx, request, 'checkout-key-0001'),
        placeOrder(shop.ctx, request, 'checkout-key-0001'),
      ]);
      if (!a.ok || !b.ok) throw new Error('both should succeed');
      expect(b.body).toEqual(a.body);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
      const again = await placeOrder(shop.ctx, orderRequest(), 'checkout-key-0001');
      expect(again.ok && again.body.orderNumber).toBe(a.body.orderNumber);
      const other = await placeOrder(
        shop.ctx,
        orderRequest({ paymentMethod: 'bank_transfer' }),
        'checkout-key-0001',
      );
      expect(other).toMatchObject({ ok: false, error: { status: 422, code: 'idempotency_key_reused' } });
      expect(await shop.db.$count(orders)).toBe(1);
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(8);
    });
  });
}
