/**
 * /admin/refunds/'s handlers as the console posts to them (PGlite): the queue and its "open an
 * order" box, a refund by hand refused without a reference, recorded with one, the same form
 * posted again (a reload) refunding nothing more, a second refund of the same money refused,
 * and the wording of each outcome. Card refunds through Stripe: tests/commerce/refunds/.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/astro';
import { refundOrderPageState, refundQueueState } from '~/backoffice/refunds-page';
import { payments, refunds } from '~/commerce/db-schema';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { applyShipmentAction } from '~/commerce/shipments/shipment-actions';
import type { Locale } from '~/i18n/locales';
import { orderRequest } from '~tests/commerce/fixtures';
import { useCommerceDatabase } from '~tests/commerce/test-database';
import { useTestEnv } from '~tests/commerce/test-env';
import { testEngines } from '~tests/notifications/test-databases';

useTestEnv({ ORDERS_EMAIL: 'ops@cho-cnnt.test' });

const operator: Principal & { kind: 'account' } = {
  kind: 'account',
  userId: 'user-op-1',
  email: 'op@cho-cnnt.test',
  role: 'operator',
  twoFactorEnabled: true,
  facilityIds: [],
};

const post = (orderNumber: string, fields: Record<string, string>) =>
  new Request(`http://localhost:4321/admin/refunds/${orderNumber}/`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const pglite = testEngines().find((e) => e.name === 'pglite')!;

describe('refunds pages (pglite)', () => {
  const shop = useCommerceDatabase(pglite);
  const deps = () => ({ db: shop.db, cards: undefined });
  const page = (orderNumber: string, request: Request, locale: Locale = 'vi') =>
    refundOrderPageState(deps(), request, locale, operator, orderNumber);

  /** A bank-transfer order marked paid whose HTX Gốm shipment (90.000 ₫ with shipping) is then cancelled. */
  async function paidTransferWithCancelledShipment() {
    const placed = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'bank_transfer' }));
    if (!placed.ok) throw new Error(JSON.stringify(placed.error));
    const order = (await loadOrder(shop.db, { orderNumber: placed.body.orderNumber }))!;
    await shop.db
      .update(payments)
      .set({ status: 'paid', paidAt: new Date() })
      .where(eq(payments.orderId, order.id));
    const gom = order.shipments.find((s) => s.facilityId === 'htx-gom')!;
    await applyShipmentAction(shop.db, gom.id, { action: 'cancel', reason: 'Vỡ hàng' });
    return { orderNumber: order.orderNumber, shipmentId: gom.id };
  }

  it('lists the queue and opens an order typed in the box', async () => {
    const { orderNumber } = await paidTransferWithCancelledShipment();
    const queue = await refundQueueState(shop.db, new URL('http://localhost/admin/refunds/'));
    expect(queue.rows.map((r) => [r.orderNumber, r.due, r.refunded])).toEqual([[orderNumber, 90_000, 0]]);
    expect(queue.next).toBeUndefined();
    const typed = await refundQueueState(
      shop.db,
      new URL(`http://localhost/admin/refunds/?order=${orderNumber.toLowerCase()}`),
    );
    expect(typed.redirect).toBe(`/admin/refunds/${orderNumber}/`);
  });

  it('records a refund by hand once, with a reference, and words every outcome', async () => {
    const { orderNumber, shipmentId } = await paidTransferWithCancelledShipment();
    const shown = await page(orderNumber, new Request(`http://localhost/admin/refunds/${orderNumber}/`));
    expect(shown.status).toBe(200);
    expect(shown.data!.byHand).toBe(true);
    expect(shown.data!.plan).toMatchObject({ due: 90_000, outstanding: 90_000 });
    expect(shown.requestKey).toMatch(/^[0-9a-f-]{36}$/);

    const form = {
      action: 'refund',
      scope: String(shipmentId),
      reason: 'Hàng vỡ khi giao',
      requestKey: shown.requestKey,
    };
    const noReference = await page(orderNumber, post(orderNumber, { ...form, reference: '  ' }));
    expect(noReference.status).toBe(400);
    expect(noReference.error).toBe('Hãy nhập mã giao dịch hoặc biên nhận của lần hoàn tiền thủ công.');
    expect(noReference.values).toMatchObject({ scope: String(shipmentId), reason: 'Hàng vỡ khi giao' });
    const noReason = await page(orderNumber, post(orderNumber, { ...form, reason: '', reference: 'FT1' }));
    expect(noReason.error).toBe('Hãy chọn phần cần hoàn và ghi lý do (3–300 ký tự).');
    expect(await shop.db.$count(refunds)).toBe(0);

    const done = await page(orderNumber, post(orderNumber, { ...form, reference: 'FT2612019999' }));
    expect(done.status).toBe(200);
    expect(done.notice).toBe(
      'Đã ghi nhận hoàn 90.000\u00a0₫ (mã FT2612019999). Người mua đã được báo qua e-mail.',
    );
    expect(done.data!.plan.outstanding).toBe(0);
    expect(done.data!.refunds).toMatchObject([
      { amount: 90_000, status: 'succeeded', requestedBy: operator.email },
    ]);
    // A fresh key for the next form; the form is emptied.
    expect(done.requestKey).not.toBe(form.requestKey);
    expect(done.values).toEqual({ scope: 'all', reason: '', reference: '' });

    // The browser posts the same form again (a reload): found, not made twice.
    const reload = await page(orderNumber, post(orderNumber, { ...form, reference: 'FT2612019999' }));
    expect(reload.notice).toMatch(/^Yêu cầu này đã được ghi nhận trước đó; không hoàn lần thứ hai\./);
    // A new form for the same money: refused, nothing changes.
    const second = await page(
      orderNumber,
      post(orderNumber, { ...form, scope: 'all', requestKey: crypto.randomUUID(), reference: 'FT2' }),
    );
    expect(second.status).toBe(409);
    expect(second.error).toContain('Không còn gì để hoàn');
    expect(await shop.db.$count(refunds)).toBe(1);

    const queue = await refundQueueState(shop.db, new URL('http://localhost/admin/refunds/'));
    expect(queue.rows).toEqual([]);
  });

  it('answers 404 for an unknown order, in English too', async () => {
    const missing = await page(
      'CNNT-000000-XXXXX',
      post('CNNT-000000-XXXXX', {
        action: 'refund',
        scope: 'all',
        reason: 'Nope',
        reference: 'x',
        requestKey: crypto.randomUUID(),
      }),
      'en',
    );
    expect(missing.status).toBe(404);
    expect(missing.error).toBe('There is no order CNNT-000000-XXXXX.');
    expect(missing.data).toBeNull();
  });

  it('says card refunds need Stripe where it is not configured', async () => {
    const { orderNumber } = await paidTransferWithCancelledShipment();
    await shop.db.update(payments).set({ method: 'card' });
    const shown = await page(orderNumber, new Request(`http://localhost/admin/refunds/${orderNumber}/`));
    const refused = await page(
      orderNumber,
      post(orderNumber, { action: 'refund', scope: 'all', reason: 'Thẻ', requestKey: shown.requestKey }),
    );
    expect(refused.status).toBe(409);
    expect(refused.error).toContain('chưa cấu hình Stripe');
  });
});
