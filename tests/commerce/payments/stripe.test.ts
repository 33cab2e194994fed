import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { remainingStock } from '~/commerce/cart/stock-store';
import { orders, webhookEvents } from '~/commerce/db-schema';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { CARD_PAYMENT_WINDOW_MS } from '~/commerce/payments/card-expiry';
import { stripeApiBase, stripeClient, stripeGateway } from '~/commerce/payments/stripe';
import { stripeWebhookResponse } from '~/commerce/payments/stripe-webhook-api';
import { resetEnvCache } from '~/config/env';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import { type FakeSession, type FakeStripe, sessionEvent, startFakeStripe } from '../fake-stripe';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

const SECRET = 'whsec_test_secret';
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  useTestEnv({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_BASE: fake.url });
  stripe = stripeClient()!;
});
afterAll(() => fake.close());

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`card payments on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine, () => ({ card: stripeGateway(stripe) }));
    beforeEach(() => {
      fake.failing = false;
    });

    async function cardOrder(): Promise<{ orderNumber: string; session: FakeSession }> {
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'card' }));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      const session = fake.sessions.find(
        (s) => s.url === (outcome.body.payment as { checkoutUrl: string }).checkoutUrl,
      )!;
      return { orderNumber: outcome.body.orderNumber, session };
    }

    function deliver(event: object, signature?: string): Promise<Response> {
      const payload = JSON.stringify(event);
      return stripeWebhookResponse(
        new Request('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          headers: {
            'stripe-signature':
              signature ?? stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
          },
          body: payload,
        }),
        shop.db,
        stripe,
        SECRET,
      );
    }

    const state = async (orderNumber: string) => {
      const o = await loadOrder(shop.db, { orderNumber });
      return { order: o!.status, payment: o!.payment.status, shipments: o!.shipments.map((s) => s.status) };
    };

    it('opens a Checkout Session in whole đồng with the order number, and waits for the webhook', async () => {
      const { orderNumber, session } = await cardOrder();
      const lines = session.params.line_items as {
        quantity: string;
        price_data: { currency: string; unit_amount: string; product_data: { name: string } };
      }[];
      expect(
        lines.map((l) => [
          l.price_data.product_data.name,
          l.price_data.currency,
          l.price_data.unit_amount,
          l.quantity,
        ]),
      ).toEqual([
        ['Nước mắm Phú Quốc – Loại NM-500, Hộp 500 g', 'vnd', '125000', '2'],
        ['Phí vận chuyển – Cơ sở Nước mắm Hồng Hạnh', 'vnd', '30000', '1'],
        ['Bình gốm men lam – Loại GOM-CHEN, Hộp 500 g', 'vnd', '60000', '1'],
        ['Phí vận chuyển – HTX Gốm Bát Tràng', 'vnd', '30000', '1'],
      ]);
      expect(session.amount_total).toBe(370_000);
      expect(session.metadata).toEqual({ orderNumber });
      expect(await state(orderNumber)).toEqual({
        order: 'pending_payment',
        payment: 'pending',
        shipments: ['pending', 'pending'],
      });
      // Nobody is told anything before the money is there.
      expect(await listOutbox(shop.db)).toEqual([]);
    });

    it('ignores a payload whose signature does not verify', async () => {
      const { orderNumber, session } = await cardOrder();
      const event = sessionEvent('evt_forged', 'checkout.session.completed', session, {
        payment_status: 'paid',
        status: 'complete',
      });
      const forged = stripe.webhooks.generateTestHeaderString({
        payload: JSON.stringify(event),
        secret: 'whsec_wrong',
      });
      const res = await deliver(event, forged);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_signature' } });
      expect((await deliver(event, 'garbage')).status).toBe(400);
      expect(await state(orderNumber)).toMatchObject({ order: 'pending_payment', payment: 'pending' });
      expect(await shop.db.$count(webhookEvents)).toBe(0);
    });

    it('marks the order paid once, however often the event is delivered', async () => {
      const { orderNumber, session } = await cardOrder();
      const event = sessionEvent('evt_paid_1', 'checkout.session.completed', session, {
        payment_status: 'paid',
        status: 'complete',
      });
      const responses = await Promise.all([deliver(event), deliver(event), deliver(event)]);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
        duplicate: boolean;
        outcome: string;
      }[];
      expect(bodies.filter((b) => !b.duplicate)).toEqual([
        { received: true, outcome: 'paid', duplicate: false },
      ]);
      expect(await state(orderNumber)).toEqual({
        order: 'placed',
        payment: 'paid',
        shipments: ['pending', 'pending'],
      });
      const outbox = await listOutbox(shop.db);
      expect(outbox.map((m) => m.kind).sort()).toEqual([
        'facility-new-order',
        'facility-new-order',
        'order-paid',
      ]);
      expect(await shop.db.$count(webhookEvents)).toBe(1);
    });

    it('tolerates events out of order: paid stays paid', async () => {
      const { orderNumber, session } = await cardOrder();
      await deliver(
        sessionEvent('evt_async_ok', 'checkout.session.async_payment_succeeded', session, {
          payment_status: 'paid',
          status: 'complete',
        }),
      );
      const late = await deliver(
        sessionEvent('evt_completed_unpaid', 'checkout.session.completed', session, {
          payment_status: 'unpaid',
          status: 'complete',
        }),
      );
      expect(await late.json()).toMatchObject({ outcome: 'awaiting_async_payment' });
      const expired = await deliver(
        sessionEvent('evt_expired_late', 'checkout.session.expired', session, { status: 'expired' }),
      );
      expect(await expired.json()).toMatchObject({ outcome: 'ignored_after_paid' });
      expect(await state(orderNumber)).toEqual({
        order: 'placed',
        payment: 'paid',
        shipments: ['pending', 'pending'],
      });
    });

    it('cancels an expired or failed payment and puts the stock back', async () => {
      const expiredOrder = await cardOrder();
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(8);
      await deliver(
        sessionEvent('evt_exp', 'checkout.session.expired', expiredOrder.session, { status: 'expired' }),
      );
      expect(await state(expiredOrder.orderNumber)).toEqual({
        order: 'cancelled',
        payment: 'expired',
        shipments: ['cancelled', 'cancelled'],
      });
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);
      // A payment confirmation for the cancelled order is recorded for a refund, the order stays cancelled.
      const paidLate = await deliver(
        sessionEvent('evt_paid_late', 'checkout.session.completed', expiredOrder.session, {
          payment_status: 'paid',
        }),
      );
      expect(await paidLate.json()).toMatchObject({ outcome: 'paid_after_cancellation' });
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);

      const failedOrder = await cardOrder();
      await deliver(
        sessionEvent('evt_async_fail', 'checkout.session.async_payment_failed', failedOrder.session),
      );
      expect(await state(failedOrder.orderNumber)).toEqual({
        order: 'cancelled',
        payment: 'failed',
        shipments: ['cancelled', 'cancelled'],
      });
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);
    });

    describe('a payment after cancellation', () => {
      afterEach(() => {
        delete process.env.ORDERS_EMAIL;
        resetEnvCache();
        vi.restoreAllMocks();
      });
      async function paidAfterExpiry() {
        const order = await cardOrder();
        await deliver(
          sessionEvent('evt_exp2', 'checkout.session.expired', order.session, { status: 'expired' }),
        );
        const late = await deliver(
          sessionEvent('evt_late2', 'checkout.session.completed', order.session, { payment_status: 'paid' }),
        );
        expect(await late.json()).toMatchObject({ outcome: 'paid_after_cancellation' });
        // Redelivered: still one message.
        await deliver(
          sessionEvent('evt_late2', 'checkout.session.completed', order.session, { payment_status: 'paid' }),
        );
        return order;
      }

      it('tells the operators (ORDERS_EMAIL) to refund it, once', async () => {
        process.env.ORDERS_EMAIL = 'ops@cho-cnnt.test';
        resetEnvCache();
        const { orderNumber } = await paidAfterExpiry();
        const refunds = await listOutbox(shop.db, { kind: 'refund-due' });
        expect(refunds.map((m) => [m.toAddress, m.ref])).toEqual([
          ['ops@cho-cnnt.test', `${orderNumber}/paid-after-cancellation`],
        ]);
        expect(refunds[0]!.textBody).toContain('370.000');
      });

      it('logs a warning when ORDERS_EMAIL is unset', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const { orderNumber } = await paidAfterExpiry();
        expect(await listOutbox(shop.db, { kind: 'refund-due' })).toHaveLength(0);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`order ${orderNumber} was paid`));
      });
    });

    it('sets the session to expire a fixed window after the order was placed', async () => {
      const { orderNumber, session } = await cardOrder();
      const order = await loadOrder(shop.db, { orderNumber });
      expect(Number(session.params.expires_at)).toBe(
        Math.floor((order!.createdAt.getTime() + CARD_PAYMENT_WINDOW_MS) / 1000),
      );
    });

    it('does not accept a payment for another amount', async () => {
      const { orderNumber, session } = await cardOrder();
      const res = await deliver(
        sessionEvent('evt_short', 'checkout.session.completed', session, {
          payment_status: 'paid',
          amount_total: 3_700,
        }),
      );
      expect(await res.json()).toMatchObject({ outcome: 'amount_mismatch' });
      expect(await state(orderNumber)).toMatchObject({ payment: 'pending' });
    });

    it('gives the Idempotency-Key the final answer when Stripe says the session expired', async () => {
      const request = orderRequest({ paymentMethod: 'card' });
      const placed = await placeOrder(shop.ctx, request, 'expired-session-key-1');
      if (!placed.ok) throw new Error(JSON.stringify(placed.error));
      const session = fake.sessions.find(
        (s) => s.url === (placed.body.payment as { checkoutUrl: string }).checkoutUrl,
      )!;
      await deliver(sessionEvent('evt_exp_key', 'checkout.session.expired', session, { status: 'expired' }));
      // Not the 201 with a checkout link that no longer works.
      expect(await placeOrder(shop.ctx, request, 'expired-session-key-1')).toMatchObject({
        ok: false,
        error: { status: 410, code: 'order_expired', orderNumber: placed.body.orderNumber },
      });
    });

    it('cancels the order and frees the key when Stripe cannot start the payment', async () => {
      fake.failing = true;
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'card' }), 'card-key-00001');
      expect(outcome).toMatchObject({ ok: false, error: { status: 502, code: 'payment_unavailable' } });
      expect((await remainingStock(shop.db, ['NM-500'])).get('NM-500')).toBe(10);
      fake.failing = false;
      const retry = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'card' }), 'card-key-00001');
      expect(retry.ok).toBe(true);
      expect(await shop.db.$count(orders)).toBe(2);
    });
  });
}

describe('STRIPE_API_BASE', () => {
  it('points the SDK at a local fake outside production', () => {
    const warn = vi.fn();
    expect(stripeApiBase({ STRIPE_API_BASE: 'http://127.0.0.1:12111' }, warn)?.host).toBe('127.0.0.1:12111');
    expect(stripeApiBase({}, warn)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('is ignored in production, with one warning', () => {
    const warn = vi.fn();
    const config = { STRIPE_API_BASE: 'http://127.0.0.1:12111', NODE_ENV: 'production' };
    expect(stripeApiBase(config, warn)).toBeUndefined();
    expect(stripeApiBase(config, warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('STRIPE_API_BASE is ignored in production');
  });
});
