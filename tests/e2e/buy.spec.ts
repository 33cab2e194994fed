/**
 * Buying end to end on the built site: two products from two facilities into the cart
 * (kept across a reload), checkout with cash on delivery, the order page with two shipments,
 * one facility marking its shipment shipped through the link in its e-mail (read from the
 * file outbox), and the buyer seeing it; then "Buy now" and bank transfer without JavaScript.
 * axe on every page of the journey.
 */

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { facilityLinkFromOutbox, type Sellable, twoSellables } from './sample-data';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function addToCart(page: Page, item: Sellable, quantity: number): Promise<void> {
  await page.goto(`/products/${item.productId}/`);
  const box = page.locator('buy-box');
  await box.locator(`input[name="sku"][value="${item.sku}"]`).check();
  await box.getByLabel('Số lượng').fill(String(quantity));
  await box.getByRole('button', { name: 'Thêm vào giỏ hàng' }).click();
  await expect(box.locator('[data-status]')).toBeVisible();
}

test('two facilities, cash on delivery, one ships, the buyer sees it', async ({ page }) => {
  const [first, second] = twoSellables();
  await addToCart(page, first, 2);
  await expectNoAxeViolations(page);
  await addToCart(page, second, 1);
  await expect(page.locator('.cart-link cart-count')).toHaveText('3');

  await page.goto('/cart/');
  await page.reload();
  const groups = page.locator('.cart-shipment');
  await expect(groups).toHaveCount(2);
  await expect(groups.first().locator('h2')).toContainText(first.facilityName);
  await expect(page.locator('.cart-total')).toContainText('₫');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Đặt hàng' }).click();
  await expect(page).toHaveURL(/\/checkout\/$/);
  await expect(page.locator('checkout-items li')).toHaveCount(2);
  await page.getByLabel('Họ và tên').fill('Phạm Thị Hoa');
  await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
  await page.getByLabel('Địa chỉ (số nhà, đường, phường/xã)').fill('18 Hàng Bạc, phường Hoàn Kiếm');
  await page.getByLabel('Tỉnh/thành phố').selectOption('Hà Nội');
  await page.getByLabel('Thanh toán khi nhận hàng').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Đặt hàng' }).click();

  await expect(page).toHaveURL(/\/orders\/CNNT-\d{6}-[A-Z0-9]{5}\/\?key=.+placed=1/);
  const orderNumber = /CNNT-\d{6}-[A-Z0-9]{5}/.exec(page.url())![0];
  await expect(page.getByRole('status').filter({ hasText: 'Cảm ơn' })).toBeVisible();
  await expect(page.getByTestId('shipment')).toHaveCount(2);
  await expect(page.locator('.cart-link cart-count')).toBeHidden();
  await expectNoAxeViolations(page);

  const facilityPath = await facilityLinkFromOutbox(orderNumber, first.facilityId);
  await page.goto(facilityPath);
  await expect(page.locator('h1')).toContainText(orderNumber);
  await expectNoAxeViolations(page);
  await page.getByLabel('Mã vận đơn').fill('GHN-E2E-12345');
  await page.getByRole('button', { name: 'Báo đã gửi hàng' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận gửi hàng' })).toBeVisible();

  // The buyer, on another device: the order number and the phone number.
  await page.context().clearCookies();
  await page.goto(`/orders/${orderNumber}/`);
  await page.getByLabel('Số điện thoại hoặc e-mail').fill('+84912345678');
  await page.getByRole('button', { name: 'Xem đơn hàng' }).click();
  const shipped = page.locator(`[data-testid="shipment"][data-facility="${first.facilityId}"]`);
  await expect(shipped.getByTestId('shipment-status')).toHaveText('Đã gửi hàng');
  await expect(shipped).toContainText('GHN-E2E-12345');
  await expect(
    page
      .locator(`[data-testid="shipment"][data-facility="${second.facilityId}"]`)
      .getByTestId('shipment-status'),
  ).toHaveText('Chờ cơ sở xác nhận');

  const api = await page.request.get(`/api/orders/${orderNumber}?phone=0912345678`);
  expect(api.status()).toBe(200);
  const status = (await api.json()) as {
    shipments: { facility: { id: string }; status: string; trackingNumber: string | null }[];
  };
  expect(status.shipments.map((s) => [s.facility.id, s.status, s.trackingNumber])).toEqual([
    [first.facilityId, 'shipped', 'GHN-E2E-12345'],
    [second.facilityId, 'pending', null],
  ]);
  expect((await page.request.get(`/api/orders/${orderNumber}?phone=0987654321`)).status()).toBe(404);
});

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('"Buy now", a mistake corrected, and a bank transfer with its VietQR code', async ({ page }) => {
      // axe runs inside the page, so only when JavaScript is on.
      const axe = () => (javaScriptEnabled ? expectNoAxeViolations(page) : Promise.resolve());
      const [item] = twoSellables();
      await page.goto(`/products/${item.productId}/`);
      await page.locator(`buy-box input[name="sku"][value="${item.sku}"]`).check();
      await page.getByRole('button', { name: 'Mua ngay' }).click();
      await expect(page).toHaveURL(/\/checkout\/\?sku=/);
      await expect(page.locator('.cart-total')).toContainText('₫');
      await page.getByLabel('Họ và tên').fill('Lê Văn Nam');
      await page.getByLabel('Số điện thoại di động').fill('024 3825 1234');
      await page.getByLabel('Địa chỉ (số nhà, đường, phường/xã)').fill('7 Nguyễn Huệ, phường Sài Gòn');
      await page.getByLabel('Tỉnh/thành phố').selectOption('Hồ Chí Minh');
      await page.getByLabel('Chuyển khoản ngân hàng (VietQR)').check();
      await page.getByRole('button', { name: 'Đặt hàng' }).click();
      await expect(page.getByRole('alert')).toContainText('Số di động Việt Nam');
      await expect(page.getByLabel('Họ và tên')).toHaveValue('Lê Văn Nam');
      await expect(page.getByLabel('Chuyển khoản ngân hàng (VietQR)')).toBeChecked();
      await axe();
      await page.getByLabel('Số điện thoại di động').fill('0387 654 321');
      await page.getByRole('button', { name: 'Đặt hàng' }).click();

      await expect(page).toHaveURL(/\/orders\/CNNT-/);
      const bank = page.getByTestId('bank-transfer');
      await expect(bank.locator('svg[role="img"]')).toBeVisible();
      const orderNumber = /CNNT-\d{6}-[A-Z0-9]{5}/.exec(page.url())![0];
      await expect(bank).toContainText(orderNumber);
      // The sample data without BANK_* configured: the development sample account, said plainly.
      await expect(bank.getByTestId('sample-account')).toContainText('tài khoản mẫu');
      await axe();
    });
  });
}

test.describe('a client over the order limit', () => {
  // The e2e server trusts one proxy hop (TRUST_PROXY=1) and the browser's connection is that
  // hop, so the last X-Forwarded-For entry (this one) is the client: using up its limit leaves
  // the other journeys (127.0.0.1) untouched.
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.77' } });

  test('is told in Vietnamese to wait, keeps what was typed, and the API answers 429', async ({ page }) => {
    const [item] = twoSellables();
    for (let i = 0; i < 20; i++) {
      const bad = await page.request.post('/api/orders', {
        data: '{"items":',
        headers: { 'content-type': 'application/json' },
      });
      expect(bad.status()).toBe(400);
    }
    await page.goto(`/checkout/?sku=${encodeURIComponent(item.sku)}&quantity=1`);
    await page.getByLabel('Họ và tên').fill('Lê Văn Nam');
    await page.getByLabel('Số điện thoại di động').fill('0387 654 321');
    await page.getByLabel('Địa chỉ (số nhà, đường, phường/xã)').fill('7 Nguyễn Huệ, phường Sài Gòn');
    await page.getByLabel('Tỉnh/thành phố').selectOption('Hồ Chí Minh');
    await page.getByLabel('Thanh toán khi nhận hàng', { exact: true }).check();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Đặt hàng' }).click(),
    ]);
    expect(response.status()).toBe(429);
    await expect(page.getByRole('alert')).toContainText('thử lại sau 10 phút');
    await expect(page.getByLabel('Họ và tên')).toHaveValue('Lê Văn Nam');
    await expectNoAxeViolations(page);

    const api = await page.request.post('/api/orders', {
      data: {
        items: [{ sku: item.sku, quantity: 1 }],
        buyer: {
          name: 'Lê Văn Nam',
          phone: '0387654321',
          address: '7 Nguyễn Huệ, phường Sài Gòn',
          province: 'Hồ Chí Minh',
        },
        paymentMethod: 'cod',
      },
    });
    expect(api.status()).toBe(429);
    // The rest of this client's 10-minute window, in seconds.
    expect(Number(api.headers()['retry-after'])).toBeGreaterThan(500);
    expect(Number(api.headers()['retry-after'])).toBeLessThanOrEqual(600);
  });
});
