import { afterEach, describe, expect, it, vi } from 'vitest';
import { remainingStock } from '~/commerce/cart/stock-store';
import { markPaid } from '~/commerce/orders/order-lifecycle';
import { facilityLink, readShipmentToken, shipmentToken } from '~/commerce/orders/order-links';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { applyShipmentAction } from '~/commerce/shipments/shipment-actions';
import { resetEnvCache } from '~/config/env';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

describe('facility links', () => {
  it('grant one shipment until they expire, and nothing when tampered with', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const token = shipmentToken(42, now);
    expect(readShipmentToken(token, now)).toEqual({
      ok: true,
      shipmentId: 42,
      expires: new Date('2026-04-30T00:00:00Z'),
    });
    expect(readShipmentToken(token, new Date('2026-06-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
    const [body, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ purpose: 'order-shipment', subject: '43', exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(readShipmentToken(forged, now)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(readShipmentToken(`${body}`, now)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(facilityLink(42, 'vi', now)).toMatch(
      /^https:\/\/cho-cnnt\.test\/facility\/orders\/[\w-]+\.[\w-]+\/$/,
    );
  });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`facility actions on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    async function order() {
      const outcome = await placeOrder(shop.ctx, orderRequest());
      if (!outcome.ok) throw new Error('order failed');
      return (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
    }

    it('confirms, then ships with a tracking number, telling the buyer each time', async () => {
      const placed = await order();
      const [first] = placed.shipments;
      expect(await applyShipmentAction(shop.db, first!.id, { action: 'confirm' })).toMatchObject({
        ok: true,
        changed: true,
      });
      expect(await applyShipmentAction(shop.db, first!.id, { action: 'confirm' })).toMatchObject({
        ok: true,
        changed: false,
      });
      const shipped = await applyShipmentAction(shop.db, first!.id, {
        action: 'ship',
        trackingNumber: 'GHN-8812345',
      });
      if (!shipped.ok) throw new Error('ship failed');
      expect(shipped.order.shipments.map((s) => [s.status, s.trackingNumber])).toEqual([
        ['shipped', 'GHN-8812345'],
        ['pending', null],
      ]);
      const updates = await listOutbox(shop.db, { kind: 'shipment-update' });
      expect(updates.map((m) => m.ref)).toEqual([
        `${placed.orderNumber}/co-so-nuoc-mam/confirmed`,
        `${placed.orderNumber}/co-so-nuoc-mam/shipped/GHN-8812345`,
      ]);
      expect(updates[1]!.textBody).toContain('GHN-8812345');
      expect(await applyShipmentAction(shop.db, first!.id, { action: 'cancel', reason: 'hết hàng' })).toEqual(
        { ok: false, code: 'not_allowed', status: 'shipped' },
      );
    });

    it('tells the buyer a corrected tracking number, and nothing new for the same number', async () => {
      const placed = await order();
      const [first] = placed.shipments;
      await applyShipmentAction(shop.db, first!.id, { action: 'ship', trackingNumber: 'GHN-1111111' });
      const corrected = await applyShipmentAction(shop.db, first!.id, {
        action: 'ship',
        trackingNumber: 'GHN-2222222',
      });
      expect(corrected).toMatchObject({ ok: true, changed: true });
      expect(
        await applyShipmentAction(shop.db, first!.id, { action: 'ship', trackingNumber: 'GHN-2222222' }),
      ).toMatchObject({ ok: true, changed: false });
      const updates = await listOutbox(shop.db, { kind: 'shipment-update' });
      expect(updates).toHaveLength(2);
      expect(updates[0]!.textBody).toContain('GHN-1111111');
      expect(updates[1]!.textBody).toContain('GHN-2222222');
    });

    describe('a paid shipment cancelled (a refund is due)', () => {
      afterEach(() => {
        delete process.env.ORDERS_EMAIL;
        resetEnvCache();
        vi.restoreAllMocks();
      });

      async function paidCardOrder() {
        const outcome = await placeOrder(
          {
            ...shop.ctx,
            card: {
              createCheckout: async () => ({ sessionId: 'cs_test_paid', url: 'https://stripe.test/c' }),
            },
          },
          orderRequest({ paymentMethod: 'card' }),
        );
        if (!outcome.ok) throw new Error('order failed');
        const pending = (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
        await shop.db.transaction((tx) => markPaid(tx, pending.id, new Date()));
        return pending;
      }

      it('sends the operators (ORDERS_EMAIL) a refund message once', async () => {
        process.env.ORDERS_EMAIL = 'ops@cho-cnnt.test';
        resetEnvCache();
        const paid = await paidCardOrder();
        const pottery = paid.shipments.find((s) => s.facilityId === 'htx-gom')!;
        await applyShipmentAction(shop.db, pottery.id, { action: 'cancel', reason: 'Lò nung đang sửa' });
        await applyShipmentAction(shop.db, pottery.id, { action: 'cancel', reason: 'Lò nung đang sửa' });
        const refunds = await listOutbox(shop.db, { kind: 'refund-due' });
        expect(refunds).toHaveLength(1);
        expect(refunds[0]).toMatchObject({
          toAddress: 'ops@cho-cnnt.test',
          ref: `${paid.orderNumber}/htx-gom/cancelled`,
        });
        expect(refunds[0]!.textBody).toContain('Lò nung đang sửa');
        expect(refunds[0]!.textBody).toContain(paid.buyerPhone);
      });

      it('logs a warning when ORDERS_EMAIL is unset', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const paid = await paidCardOrder();
        await applyShipmentAction(shop.db, paid.shipments[0]!.id, { action: 'cancel', reason: 'Hết hàng' });
        expect(await listOutbox(shop.db, { kind: 'refund-due' })).toHaveLength(0);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`paid order ${paid.orderNumber}`));
      });

      it('says nothing when an unpaid (cash on delivery) shipment is cancelled', async () => {
        process.env.ORDERS_EMAIL = 'ops@cho-cnnt.test';
        resetEnvCache();
        const placed = await order();
        await applyShipmentAction(shop.db, placed.shipments[0]!.id, { action: 'cancel', reason: 'Hết hàng' });
        expect(await listOutbox(shop.db, { kind: 'refund-due' })).toHaveLength(0);
      });
    });

    it('cancels a shipment, returns its stock, and cancels the order when nothing is left', async () => {
      const placed = await order();
      const [fishSauce, pottery] = placed.shipments;
      await applyShipmentAction(shop.db, pottery!.id, { action: 'cancel', reason: 'Lò nung đang sửa' });
      expect((await remainingStock(shop.db, ['GOM-CHEN'])).get('GOM-CHEN')).toBe(3);
      expect((await loadOrder(shop.db, { orderId: placed.id }))!.status).toBe('placed');
      await applyShipmentAction(shop.db, pottery!.id, { action: 'cancel', reason: 'Lò nung đang sửa' });
      expect((await remainingStock(shop.db, ['GOM-CHEN'])).get('GOM-CHEN')).toBe(3);
      await applyShipmentAction(shop.db, fishSauce!.id, { action: 'cancel', reason: 'Người mua đổi ý' });
      const after = (await loadOrder(shop.db, { orderId: placed.id }))!;
      expect(after.status).toBe('cancelled');
      expect(after.shipments.map((s) => s.cancelReason)).toEqual(['Người mua đổi ý', 'Lò nung đang sửa']);
      expect(
        (await applyShipmentAction(shop.db, fishSauce!.id, { action: 'ship', trackingNumber: 'VTP123' })).ok,
      ).toBe(false);
    });

    it('refuses to act before a card order is paid, and on unknown shipments', async () => {
      const outcome = await placeOrder(
        {
          ...shop.ctx,
          card: {
            createCheckout: async () => ({
              sessionId: 'cs_test_x',
              url: 'https://checkout.stripe.com/c/pay/cs_test_x',
            }),
          },
        },
        orderRequest({ paymentMethod: 'card' }),
      );
      if (!outcome.ok) throw new Error('order failed');
      const pending = (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
      expect(await applyShipmentAction(shop.db, pending.shipments[0]!.id, { action: 'confirm' })).toEqual({
        ok: false,
        code: 'awaiting_payment',
        status: 'pending',
      });
      expect(await applyShipmentAction(shop.db, 999_999, { action: 'confirm' })).toEqual({
        ok: false,
        code: 'not_found',
      });
    });
  });
}
