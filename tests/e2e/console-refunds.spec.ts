/**
 * Refunding from the console, end to end. The e2e server has no Stripe configured, so the
 * journey refunds a bank transfer by hand (card refunds through the real SDK and the refund
 * webhook are tested in tests/commerce/refunds/): an order from two facilities paid by
 * transfer and marked paid at /admin/payments/, one facility cancels its part through its
 * e-mailed link, and the operator finds the order in /admin/refunds/, is refused without a
 * reference, records the refund of that shipment with one, and the buyer gets an e-mail.
 * axe on every console page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';
import { OUTBOX, type Sellable, twoSellables } from './sample-data';

interface Mail {
  kind: string;
  ref: string;
  to: string;
  subject: string;
  text: string;
}

/** The first mail in the file outbox matching `match` (delivery is asynchronous). */
async function mailFromOutbox(match: (mail: Mail) => boolean): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(OUTBOX, { withFileTypes: true }).filter((f) => f.name.endsWith('.json'));
        found = files
          .map((f) => JSON.parse(readFileSync(path.join(OUTBOX, f.name), 'utf8')) as Mail)
          .find(match);
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

async function placeBankTransferOrder(page: Page, items: Sellable[], email: string) {
  const response = await page.request.post('/api/orders', {
    // Its own client for the order rate limit (the server trusts one proxy hop in e2e).
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.115' },
    data: {
      items: items.map((i) => ({ sku: i.sku, quantity: 1 })),
      buyer: {
        name: 'Trần Văn Hoàn',
        phone: '0903 456 789',
        email,
        address: '25 Trần Phú, phường Ba Đình',
        province: 'Hà Nội',
      },
      paymentMethod: 'bank_transfer',
      locale: 'vi',
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { orderNumber: string; total: number };
}

test('a bank transfer paid, one shipment cancelled, refunded by hand from the console', async ({ page }) => {
  const [kept, cancelled] = twoSellables();
  const buyerEmail = `refund-${Date.now()}@example.vn`;
  const order = await placeBankTransferOrder(page, [kept, cancelled], buyerEmail);
  const { orderNumber } = order;

  await signInAs(page, 'operator');

  // The money arrives: marked paid in the payments console.
  await page.goto('/admin/payments/');
  const transfer = page.locator(`[data-testid="transfer"][data-order="${orderNumber}"]`);
  await transfer.getByLabel('Số tiền đã nhận (₫)').fill(String(order.total));
  await transfer.getByLabel('Mã tham chiếu ngân hàng').fill(`FT-E2E-${orderNumber}`);
  await transfer.getByRole('button', { name: 'Đánh dấu đã thanh toán' }).click();
  await expect(page.getByRole('status').filter({ hasText: orderNumber })).toBeVisible();

  // Then one facility cancels its part through the link in its new-order e-mail.
  const newOrder = await mailFromOutbox(
    (m) => m.kind === 'facility-new-order' && m.ref === `${orderNumber}/${cancelled.facilityId}`,
  );
  const link = /https?:\/\/\S+\/facility\/orders\/[\w.-]+\//.exec(newOrder.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByLabel('Lý do hủy (người mua sẽ thấy)').fill('Hết hàng trong kho');
  await page.getByRole('button', { name: 'Hủy phần hàng này' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã hủy phần hàng này' })).toBeVisible();

  // The refunds queue lists it, from the dashboard's card.
  await page.goto('/admin/');
  await page.locator('[data-queue="paidAfterCancellation"] a').click();
  await expect(page).toHaveURL(/\/admin\/refunds\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn hàng cần hoàn tiền');
  const row = page.locator(`[data-testid="refund-queue"] tr[data-order="${orderNumber}"]`);
  await expect(row).toContainText('Chuyển khoản');
  await axe(page);
  await row.getByRole('link', { name: orderNumber }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/refunds/${orderNumber}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hoàn tiền cho đơn ${orderNumber}`);
  await expect(page.getByTestId('refund-shipments')).toContainText(cancelled.facilityName);
  await expect(page.getByTestId('refund-shipments')).not.toContainText(kept.facilityName);
  await axe(page);

  // The amount is offered, never typed; without a reference nothing is recorded.
  const form = page.getByTestId('refund-form');
  await form
    .getByRole('radio', { name: new RegExp(`^Phần của ${escapeRegExp(cancelled.facilityName)}`) })
    .check();
  await form.getByLabel('Lý do').fill('Cơ sở hết hàng');
  await form.getByLabel('Mã giao dịch hoặc biên nhận').fill('   ');
  await form.getByRole('button', { name: 'Ghi nhận đã hoàn tiền' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Hãy nhập mã giao dịch hoặc biên nhận của lần hoàn tiền thủ công.',
  );
  await expect(page.getByTestId('refund-history')).toHaveCount(0);
  await axe(page);

  // With a reference: recorded as done, the buyer told.
  await form
    .getByRole('radio', { name: new RegExp(`^Phần của ${escapeRegExp(cancelled.facilityName)}`) })
    .check();
  await form.getByLabel('Mã giao dịch hoặc biên nhận').fill('FT-HOAN-E2E-1');
  await form.getByRole('button', { name: 'Ghi nhận đã hoàn tiền' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận hoàn' })).toContainText(
    'FT-HOAN-E2E-1',
  );
  const refunded = page.locator('[data-testid="refund-history"] tr[data-status="succeeded"]');
  await expect(refunded).toHaveCount(1);
  await expect(refunded).toContainText('FT-HOAN-E2E-1');
  await expect(refunded).toContainText(cancelled.facilityName);
  await expect(page.getByTestId('refund-nothing-due')).toBeVisible();
  await axe(page);

  const mail = await mailFromOutbox((m) => m.kind === 'refund-succeeded' && m.to === buyerEmail);
  expect(mail.subject).toBe(`Chợ CNNT: đã hoàn tiền cho đơn hàng ${orderNumber}`);
  expect(mail.text).toContain('FT-HOAN-E2E-1');

  // Off the queue; the English page too.
  await page.goto('/admin/refunds/');
  await expect(page.locator(`tr[data-order="${orderNumber}"]`)).toHaveCount(0);
  await page.goto(`/en/admin/refunds/${orderNumber}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Refunds for order ${orderNumber}`);
  await expect(page.getByTestId('refund-nothing-due')).toHaveText('Nothing is left to refund on this order.');
  await axe(page);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
