import { expect, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';
import { facilityLinkFromOutbox, oneSellable } from './sample-data';

// Its own client address, so this order counts against no other journey's order limit.
const CLIENT = { 'x-forwarded-for': '198.51.100.51' };

test('an operator finds an order by number and by phone and reads its timeline', async ({ page }) => {
  const item = oneSellable();
  // A phone of this run only, so the search by phone lists this order first.
  const national = `9${String(Date.now() % 1e8).padStart(8, '0')}`;
  const response = await page.request.post('/api/orders', {
    headers: CLIENT,
    data: {
      items: [{ sku: item.sku, quantity: 1 }],
      buyer: {
        name: 'Đỗ Minh Tuấn',
        phone: `0${national}`,
        email: 'tuan.e2e@example.vn',
        address: '9 Lý Thường Kiệt, phường Cửa Nam',
        province: 'Hà Nội',
      },
      paymentMethod: 'cod',
    },
  });
  expect(response.status()).toBe(201);
  const { orderNumber } = (await response.json()) as { orderNumber: string };

  // The facility ships through the link in its e-mail.
  await page.goto(await facilityLinkFromOutbox(orderNumber, item.facilityId));
  await page.getByLabel('Mã vận đơn').fill('GHN-CONSOLE-1');
  await page.getByRole('button', { name: 'Báo đã gửi hàng' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận gửi hàng' })).toBeVisible();

  await signInAs(page, 'operator');
  await page.getByRole('link', { name: 'Đơn hàng', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/orders\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn hàng');
  await axe(page);

  // By number, as read out on the phone: lower case, spaces.
  const box = page.getByLabel('Mã đơn, số điện thoại hoặc e-mail');
  await box.fill(orderNumber.toLowerCase().replace(/-/g, ' '));
  await page.locator('#main').getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByTestId('orders').locator('tbody tr')).toHaveCount(1);
  await expect(page.locator(`tr[data-order="${orderNumber}"]`)).toContainText(item.facilityName);
  await expect(box).toHaveValue(orderNumber.toLowerCase().replace(/-/g, ' '));
  await axe(page);

  // By phone, typed in the international form with spaces: the newest order first.
  await box.fill(`+84 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`);
  await page.locator('#main').getByRole('button', { name: 'Tìm', exact: true }).click();
  const first = page.getByTestId('orders').locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-order', orderNumber);
  await expect(first).toContainText(`0${national}`);

  // Something that is neither: said so, in words.
  await box.fill('không phải mã đơn');
  await page.locator('#main').getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Không nhận ra “không phải mã đơn”');
  await axe(page);

  // The order and its timeline.
  await page.goto(`/admin/orders/?q=${orderNumber}`);
  await page.getByRole('link', { name: orderNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderNumber}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Đơn hàng ${orderNumber}`);
  await expect(page.getByTestId('buyer')).toContainText(`0${national}`);
  await expect(page.locator(`[data-testid="shipment"][data-facility="${item.facilityId}"]`)).toContainText(
    'GHN-CONSOLE-1',
  );
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('li').first()).toHaveAttribute('data-kind', 'placed');
  await expect(timeline.locator('li[data-kind="shipment_shipped"]')).toContainText('GHN-CONSOLE-1');
  const confirmation = timeline.locator('li[data-kind="message:order-confirmation"]');
  await expect(confirmation).toContainText('tuan.e2e@example.vn');
  await expect(timeline.locator('li[data-kind="message:facility-new-order"]')).toHaveCount(1);
  await expect(timeline.locator('li[data-kind="message:shipment-update"]')).toHaveCount(1);
  await confirmation.getByText('Nội dung e-mail').click();
  await expect(confirmation.locator('pre')).toContainText(orderNumber);
  await axe(page);

  // In English too.
  await page.goto(`/en/admin/orders/${orderNumber}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${orderNumber}`);
  await expect(page.getByTestId('timeline').locator('li').first()).toContainText('Order placed');
  await axe(page);
});
