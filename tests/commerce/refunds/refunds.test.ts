/**
 * Refunds on both databases, card refunds through the real `stripe` SDK against the local fake
 * (tests/commerce/fake-stripe.ts): in whole and by shipment, retried and double-submitted
 * without refunding twice, settled by the refund webhook once, and made by hand with a
 * reference; the buyer's e-mail and the audit rows with each change.
 */
import { and, asc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payments, refunds } from '~/commerce/db-schema';
import { commerceQueueCounts } from '~/commerce/orders/console-queues';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { stripeClient, stripeGateway } from '~/commerce/payments/stripe';
import { stripeWebhookResponse } from '~/commerce/payments/stripe-webhook-api';
import { orderRefunds } from '~/commerce/refunds/order-refunds';
import { type RefundDeps, requestRefund, retryRefund } from '~/commerce/refunds/refund-service';
import { refundQueue, refundsDueCount } from '~/commerce/refunds/refund-store';
import { stripeCardRefunds } from '~/commerce/refunds/stripe-refunds';
import { applyShipmentAction } from '~/commerce/shipments/shipment-actions';
import { type Actor, auditLog } from '~/db/audit-log';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import {
  type FakeSession,
  type FakeStripe,
  refundEvent,
  sessionEvent,
  startFakeStripe,
} from '../fake-stripe';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

const SECRET = 'whsec_test_refunds';
const OPERATOR: Actor = { kind: 'user', id: 'user-op-1', label: 'op@cho-cnnt.test', role: 'operator' };
let fake: FakeStripe;
let stripe: Stripe;
let keys = 0;
const newKey = () => `test-refund-key-${Date.now()}-${++keys}`;

beforeAll(async () => {
  fake = await startFakeStripe();
  useTestEnv({
    STRIPE_SECRET_KEY: 'sk_test_fake',
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_BASE: fake.url,
    ORDERS_EMAIL: 'ops@cho-cnnt.test',
  });
  stripe = stripeClient()!;
});
afterAll(() => fake.close());

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`refunds on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine, () => ({ card: stripeGateway(stripe) }));
    const deps = (): RefundDeps => ({ db: shop.db, cards: stripeCardRefunds(stripe) });
    beforeEach(() => {
      fake.failing = false;
      fake.refundStatus = 'pending';
    });

    function deliver(event: object): Promise<Response> {
      const payload = JSON.stringify(event);
      return stripeWebhookResponse(
        new Request('http://localhost/api/webhooks/stripe', {
          method: 'POST',
          headers: {
            'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
          },
          body: payload,
        }),
        shop.db,
        stripe,
        SECRET,
      );
    }

    async function cardOrder(
      locale: 'vi' | 'en' = 'vi',
    ): Promise<{ orderNumber: string; session: FakeSession }> {
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'card', locale }));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      const url = (outcome.body.payment as { checkoutUrl: string }).checkoutUrl;
      return { orderNumber: outcome.body.orderNumber, session: fake.sessions.find((s) => s.url === url)! };
    }

    /** A card order whose payment arrived after the session expired (and the order was cancelled). */
    async function paidAfterCancellation(locale: 'vi' | 'en' = 'vi') {
      const order = await cardOrder(locale);
      await deliver(sessionEvent(`evt_exp_${order.orderNumber}`, 'checkout.session.expired', order.session));
      const late = await deliver(
        sessionEvent(`evt_paid_${order.orderNumber}`, 'checkout.session.completed', order.session, {
          payment_status: 'paid',
          status: 'complete',
        }),
      );
      expect(await late.json()).toMatchObject({ outcome: 'paid_after_cancellation' });
      return order;
    }

    /** A paid card order, then the nước mắm facility cancels its shipment (280.000 ₫ with shipping). */
    async function paidThenShipmentCancelled() {
      const order = await cardOrder();
      await deliver(
        sessionEvent(`evt_ok_${order.orderNumber}`, 'checkout.session.completed', order.session, {
          payment_status: 'paid',
          status: 'complete',
        }),
      );
      const details = (await loadOrder(shop.db, { orderNumber: order.orderNumber }))!;
      const cancelled = details.shipments.find((s) => s.facilityId === 'co-so-nuoc-mam')!;
      const result = await applyShipmentAction(shop.db, cancelled.id, {
        action: 'cancel',
        reason: 'Hết hàng',
      });
      expect(result.ok).toBe(true);
      return { ...order, shipmentId: cancelled.id };
    }

    const auditOf = async (orderNumber: string) =>
      (
        await shop.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetType, 'order'), eq(auditLog.targetId, orderNumber)))
          .orderBy(asc(auditLog.id))
      ).filter((r) => r.action.startsWith('refund.'));

    const refundRows = async () => shop.db.select().from(refunds).orderBy(asc(refunds.id));
    const refundMails = async () => listOutbox(shop.db, { kind: 'refund-succeeded' });

    it('stores the PaymentIntent from the completed Checkout Session', async () => {
      const { orderNumber, session } = await paidAfterCancellation();
      const order = (await loadOrder(shop.db, { orderNumber }))!;
      expect(order.payment.stripePaymentIntentId).toBe(session.payment_intent);
    });

    it('refunds an order paid after cancellation in full, settled once by the webhook', async () => {
      const { orderNumber, session } = await paidAfterCancellation('en');
      // Marked by the database when the payment arrived for the cancelled order.
      const dueSince = async () => (await loadOrder(shop.db, { orderNumber }))!.payment.refundDueSince;
      expect(await dueSince()).toBeInstanceOf(Date);
      expect(await refundsDueCount(shop.db)).toBe(1);
      expect((await commerceQueueCounts(shop.db)).paidAfterCancellation).toBe(1);
      expect(await refundQueue(shop.db, { limit: 10 })).toMatchObject([
        { orderNumber, orderStatus: 'cancelled', method: 'card', paid: 370_000, due: 370_000, refunded: 0 },
      ]);

      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: 'all',
        reason: 'Paid after the order expired',
        requestKey: newKey(),
      });
      expect(made).toMatchObject({
        ok: true,
        replayed: false,
        refund: { amount: 370_000, status: 'pending' },
      });
      const refund = made.ok ? made.refund : undefined;
      const sent = fake.refunds.find((r) => r.id === refund!.stripeRefundId)!;
      expect(sent).toMatchObject({
        amount: 370_000,
        currency: 'vnd',
        payment_intent: session.payment_intent,
        metadata: { refundId: String(refund!.id), orderNumber },
      });
      // On its way: no longer due, the buyer not told yet.
      expect(await refundsDueCount(shop.db)).toBe(0);
      expect(await dueSince()).toBeNull();
      expect(await refundMails()).toEqual([]);

      const succeeded = refundEvent(`evt_re_ok_${sent.id}`, 'refund.updated', sent, { status: 'succeeded' });
      const answers = await Promise.all([deliver(succeeded), deliver(succeeded)]);
      const bodies = (await Promise.all(answers.map((a) => a.json()))) as {
        outcome: string;
        duplicate: boolean;
      }[];
      expect(bodies.filter((b) => !b.duplicate)).toEqual([
        { received: true, outcome: 'refund_succeeded', duplicate: false },
      ]);
      // Another event saying the same changes nothing.
      const again = await deliver(
        refundEvent(`evt_re_ok2_${sent.id}`, 'refund.created', sent, { status: 'succeeded' }),
      );
      expect(await again.json()).toMatchObject({ outcome: 'refund_unchanged' });

      expect(await refundRows()).toMatchObject([{ status: 'succeeded', stripeRefundId: sent.id }]);
      const mails = await refundMails();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        toAddress: 'lan@example.vn',
        subject: `Chợ CNNT: refund for order ${orderNumber}`,
      });
      expect(mails[0]!.textBody).toContain('₫370,000');
      expect(mails[0]!.textBody).toContain('back to the card');
      expect((await auditOf(orderNumber)).map((r) => [r.action, r.actorLabel])).toEqual([
        ['refund.create', 'op@cho-cnnt.test'],
        ['refund.succeeded', 'Stripe webhook'],
      ]);
      expect((await orderRefunds(shop.db, orderNumber))!.plan).toMatchObject({
        refunded: 370_000,
        outstanding: 0,
      });
    });

    it('refunds one cancelled shipment, and refuses a second refund of the same money', async () => {
      const { orderNumber, shipmentId } = await paidThenShipmentCancelled();
      expect(await refundQueue(shop.db, { limit: 10 })).toMatchObject([
        { orderNumber, orderStatus: 'placed', due: 280_000, refunded: 0 },
      ]);
      fake.refundStatus = 'succeeded';
      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: { shipmentId },
        reason: 'Cơ sở hủy vì hết hàng',
        requestKey: newKey(),
      });
      expect(made).toMatchObject({ ok: true, refund: { amount: 280_000, status: 'succeeded', shipmentId } });
      const mails = await refundMails();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(`Chợ CNNT: đã hoàn tiền cho đơn hàng ${orderNumber}`);
      expect(mails[0]!.textBody).toContain('280.000');
      expect(mails[0]!.textBody).toContain('Cơ sở Nước mắm Hồng Hạnh');

      const stripeCalls = fake.refunds.length;
      for (const scope of [{ shipmentId }, 'all'] as const) {
        const second = await requestRefund(deps(), OPERATOR, {
          orderNumber,
          scope,
          reason: 'Bấm nhầm lần hai',
          requestKey: newKey(),
        });
        expect(second).toEqual({ ok: false, code: 'nothing_due' });
      }
      expect(fake.refunds.length).toBe(stripeCalls);
      expect(await refundRows()).toHaveLength(1);
      expect(await refundsDueCount(shop.db)).toBe(0);
      expect((await auditOf(orderNumber)).map((r) => [r.action, r.actorLabel, r.facilityId])).toEqual([
        ['refund.create', 'op@cho-cnnt.test', 'co-so-nuoc-mam'],
        ['refund.succeeded', 'op@cho-cnnt.test', 'co-so-nuoc-mam'],
      ]);
    });

    it('refunds once when the same form is submitted twice at the same moment', async () => {
      const { orderNumber } = await paidAfterCancellation();
      const before = fake.refunds.length;
      const key = newKey();
      const request = { orderNumber, scope: 'all' as const, reason: 'Double click', requestKey: key };
      const [a, b] = await Promise.all([
        requestRefund(deps(), OPERATOR, request),
        requestRefund(deps(), OPERATOR, request),
      ]);
      expect([a.ok, b.ok]).toEqual([true, true]);
      expect([a, b].filter((o) => o.ok && o.replayed)).toHaveLength(1);
      expect(await refundRows()).toHaveLength(1);
      expect(fake.refunds.length).toBe(before + 1);
    });

    it('keeps a refund Stripe could not take, and retries it with the same key: one refund', async () => {
      const { orderNumber } = await paidAfterCancellation();
      const before = fake.refunds.length;
      const key = newKey();
      const request = { orderNumber, scope: 'all' as const, reason: 'Stripe down first', requestKey: key };
      fake.failing = true;
      const first = await requestRefund(deps(), OPERATOR, request);
      expect(first).toMatchObject({ ok: true, refund: { status: 'pending', stripeRefundId: null } });
      expect(first.ok && first.refund.lastError).toBeTruthy();
      // Still counted: nobody can start a second refund of this money meanwhile.
      expect(await requestRefund(deps(), OPERATOR, { ...request, requestKey: newKey() })).toEqual({
        ok: false,
        code: 'nothing_due',
      });
      fake.failing = false;
      const retried = await requestRefund(deps(), OPERATOR, request);
      expect(retried).toMatchObject({ ok: true, replayed: true, refund: { status: 'pending' } });
      const stripeId = retried.ok ? retried.refund.stripeRefundId : null;
      expect(stripeId).toMatch(/^re_test_/);
      // Sent again (the console's retry button, another reload): Stripe is not asked twice.
      const rowId = retried.ok ? retried.refund.id : 0;
      expect((await retryRefund(deps(), OPERATOR, rowId))!.stripeRefundId).toBe(stripeId);
      expect(await requestRefund(deps(), OPERATOR, request)).toMatchObject({ ok: true, replayed: true });
      expect(fake.refunds.length).toBe(before + 1);
      expect(await refundRows()).toHaveLength(1);
    });

    it('sends the same Stripe idempotency key again when the answer was lost', async () => {
      const { orderNumber } = await paidAfterCancellation();
      const key = newKey();
      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: 'all',
        reason: 'Lost answer',
        requestKey: key,
      });
      const row = made.ok ? made.refund : undefined;
      const before = fake.refunds.length;
      // As if the process had died after Stripe made the refund but before it was recorded.
      await shop.db.update(refunds).set({ stripeRefundId: null }).where(eq(refunds.id, row!.id));
      const again = await retryRefund(deps(), OPERATOR, row!.id);
      expect(again!.stripeRefundId).toBe(row!.stripeRefundId);
      expect(fake.refunds.length).toBe(before);
    });

    it('marks a refund Stripe refuses as failed, and the money due again', async () => {
      const { orderNumber } = await paidAfterCancellation();
      await shop.db.update(payments).set({ stripePaymentIntentId: 'pi_unknown' });
      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: 'all',
        reason: 'Refused',
        requestKey: newKey(),
      });
      expect(made).toMatchObject({ ok: true, refund: { status: 'failed' } });
      expect(made.ok && made.refund.lastError).toContain('No such payment_intent');
      expect(await refundsDueCount(shop.db)).toBe(1);
      expect((await auditOf(orderNumber)).map((r) => r.action)).toEqual(['refund.create', 'refund.failed']);
      expect(await refundMails()).toEqual([]);
    });

    it('records a later failure Stripe reports for a refund that had succeeded', async () => {
      const { orderNumber } = await paidAfterCancellation();
      fake.refundStatus = 'succeeded';
      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: 'all',
        reason: 'x-y-z',
        requestKey: newKey(),
      });
      const sent = fake.refunds.find((r) => made.ok && r.id === made.refund.stripeRefundId)!;
      const failed = await deliver(
        refundEvent(`evt_re_fail_${sent.id}`, 'refund.failed', sent, {
          status: 'failed',
          failure_reason: 'expired_or_canceled_card',
        }),
      );
      expect(await failed.json()).toMatchObject({ outcome: 'refund_failed' });
      expect(await refundRows()).toMatchObject([{ status: 'failed', lastError: 'expired_or_canceled_card' }]);
      expect(await refundsDueCount(shop.db)).toBe(1);
    });

    it('asks Stripe for the PaymentIntent of a payment stored without it', async () => {
      const { orderNumber, session } = await paidAfterCancellation();
      await shop.db.update(payments).set({ stripePaymentIntentId: null });
      const made = await requestRefund(deps(), OPERATOR, {
        orderNumber,
        scope: 'all',
        reason: 'Old payment',
        requestKey: newKey(),
      });
      expect(made).toMatchObject({ ok: true, refund: { status: 'pending' } });
      expect((await loadOrder(shop.db, { orderNumber }))!.payment.stripePaymentIntentId).toBe(
        session.payment_intent,
      );
    });

    it('ignores a refund event for a refund made elsewhere', async () => {
      const res = await deliver(
        refundEvent('evt_re_elsewhere', 'refund.updated', {
          id: 're_dashboard_1',
          object: 'refund',
          amount: 1000,
          currency: 'vnd',
          payment_intent: 'pi_x',
          status: 'succeeded',
          metadata: {},
          reason: null,
          charge: 'ch_x',
          created: 0,
        }),
      );
      expect(await res.json()).toMatchObject({ outcome: 'unknown_refund' });
    });

    it('refuses a card refund when Stripe is not configured, and an unpaid order', async () => {
      const { orderNumber } = await paidAfterCancellation();
      const request = { orderNumber, scope: 'all' as const, reason: 'No Stripe', requestKey: newKey() };
      expect(await requestRefund({ db: shop.db, cards: undefined }, OPERATOR, request)).toEqual({
        ok: false,
        code: 'card_refunds_unavailable',
      });
      const unpaid = await cardOrder();
      expect(
        await requestRefund(deps(), OPERATOR, {
          ...request,
          orderNumber: unpaid.orderNumber,
          requestKey: newKey(),
        }),
      ).toEqual({ ok: false, code: 'not_paid' });
      expect(await requestRefund(deps(), OPERATOR, { ...request, orderNumber: 'CNNT-000000-XXXXX' })).toEqual(
        {
          ok: false,
          code: 'not_found',
        },
      );
      expect(await refundRows()).toEqual([]);
    });

    for (const method of ['bank_transfer', 'cod'] as const) {
      it(`records a ${method} refund made by hand, only with a reference`, async () => {
        const placed = await placeOrder(shop.ctx, orderRequest({ paymentMethod: method }));
        if (!placed.ok) throw new Error(JSON.stringify(placed.error));
        const { orderNumber } = placed.body;
        const order = (await loadOrder(shop.db, { orderNumber }))!;
        await shop.db
          .update(payments)
          .set({ status: 'paid', paidAt: new Date() })
          .where(eq(payments.orderId, order.id));
        const gom = order.shipments.find((s) => s.facilityId === 'htx-gom')!;
        await applyShipmentAction(shop.db, gom.id, { action: 'cancel', reason: 'Vỡ hàng' });
        expect(await refundQueue(shop.db, { limit: 10 })).toMatchObject([
          { orderNumber, method, due: 90_000 },
        ]);

        const request = {
          orderNumber,
          scope: { shipmentId: gom.id },
          reason: 'Hàng vỡ',
          requestKey: newKey(),
        };
        for (const reference of [undefined, '   '])
          expect(
            await requestRefund({ db: shop.db, cards: undefined }, OPERATOR, { ...request, reference }),
          ).toEqual({
            ok: false,
            code: 'reference_required',
          });
        expect(await refundRows()).toEqual([]);

        const made = await requestRefund({ db: shop.db, cards: undefined }, OPERATOR, {
          ...request,
          reference: 'FT2612011234',
        });
        expect(made).toMatchObject({
          ok: true,
          refund: {
            amount: 90_000,
            method,
            status: 'succeeded',
            reference: 'FT2612011234',
            stripeRefundId: null,
          },
        });
        expect(await refundsDueCount(shop.db)).toBe(0);
        const mails = await refundMails();
        expect(mails).toHaveLength(1);
        expect(mails[0]!.textBody).toContain('FT2612011234');
        expect(mails[0]!.textBody).toContain('90.000');
        expect((await auditOf(orderNumber)).map((r) => [r.action, r.actorLabel, r.actorRole])).toEqual([
          ['refund.create', 'op@cho-cnnt.test', 'operator'],
          ['refund.succeeded', 'op@cho-cnnt.test', 'operator'],
        ]);
        expect(fake.refunds.every((r) => r.metadata.orderNumber !== orderNumber)).toBe(true);
      });
    }
  });
}
