/**
 * Issue 17 end to end on the built site: a facility member signs in, is refused a price of 0
 * and a wholesale tier below the minimum order (nothing saved), changes a price and the stock,
 * uploads a photo taken with GPS in its metadata (served without it), is refused a file that is
 * not an image and one over 10 MB; then a buyer on another device sees the new price, stock
 * and photo on the product page (static HTML first, the live part swapped in) and orders at the
 * new price, and the stock left is what the facility set minus the order. The member finds the
 * order in the facility's inbox and confirms it there. axe on each page.
 */
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { axe, npmRun, signIn } from './back-office-session';
import { lastSellable } from './sample-data';

const vnd = (amount: number) =>
  new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );

/** A real JPEG whose EXIF carries a GPS position (Hà Nội), as a phone camera writes it. */
async function photoWithGps(): Promise<Buffer> {
  const photo = await sharp({
    create: { width: 900, height: 700, channels: 3, background: { r: 180, g: 120, b: 60 } },
  })
    .withExif({
      IFD0: { Make: 'E2E Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '21/1 1/1 41/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 51/1 4/1',
      },
    })
    .jpeg()
    .toBuffer();
  const meta = await sharp(photo).metadata();
  // The input really has GPS: otherwise "stripped" below would prove nothing.
  expect(meta.exif?.includes(Buffer.from('E2E Camera'))).toBe(true);
  return photo;
}

test('a facility changes price, stock and photo; a buyer sees them and orders at the new price', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const item = lastSellable();
  const email = `ban-hang-${Date.now()}@example.vn`;
  npmRun('facility', ['invite', item.facilityId, email]);
  await signIn(page, email);

  // The editor, reached from the products page.
  await page.goto('/facility/products/');
  await page.locator(`a[href^="/facility/products/${item.productId}/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/facility/products/${item.productId}/`));
  await axe(page);
  const index = await page
    .locator('input[name$=".sku"]')
    .evaluateAll((inputs, sku) => inputs.findIndex((i) => (i as HTMLInputElement).value === sku), item.sku);
  expect(index).toBeGreaterThanOrEqual(0);
  const field = (name: string) => page.locator(`[name="variants.${index}.${name}"]`);
  const oldPrice = Number((await field('price').inputValue()).replace(/\D/g, ''));
  const save = page.locator('#main').getByRole('button', { name: 'Lưu thay đổi' });

  // A price of 0: refused, named next to the field, nothing saved.
  await field('price').fill('0');
  await save.click();
  await expect(page.getByTestId('listing-problems')).toContainText('Giá phải lớn hơn 0 ₫.');
  await expect(field('price')).toHaveAttribute('aria-invalid', 'true');
  await axe(page);
  // A wholesale tier below the minimum order quantity: refused too.
  await field('price').fill(String(oldPrice));
  await field('minOrderQuantity').fill('5000');
  await field('wholesaleTiers.0.minQuantity').fill('10');
  await field('wholesaleTiers.0.unitPrice').fill(String(Math.max(1, oldPrice - 1000)));
  await save.click();
  await expect(page.getByTestId('listing-problems')).toContainText(
    'Mức giá sỉ phải bắt đầu từ số lượng đặt tối thiểu trở lên.',
  );
  const api = async () =>
    (await (await page.request.get(`/api/products/${item.productId}/`)).json()) as {
      listing: { variants: { sku: string; price: number; stock: number | null }[] };
      photos: { url: string }[];
    };
  const shown = (body: Awaited<ReturnType<typeof api>>) =>
    body.listing.variants.find((v) => v.sku === item.sku)!;
  expect(shown(await api()).price).toBe(oldPrice);

  // A good save: new price, 3 in stock.
  const newPrice = oldPrice + 7_000;
  await page.goto(`/facility/products/${item.productId}/`);
  await field('price').fill(new Intl.NumberFormat('vi-VN').format(newPrice));
  await field('stock').fill('3');
  await save.click();
  await expect(page.getByTestId('listing-notice')).toContainText('Đã lưu.');
  await expect.poll(async () => shown(await api()).price, { timeout: 5_000 }).toBe(newPrice);
  expect(shown(await api()).stock).toBe(3);

  // Photos: one with GPS; then a text file and an 11 MB file, both refused.
  await page.goto(`/facility/products/${item.productId}/photos/`);
  await axe(page);
  const upload = page.locator('#main form[enctype="multipart/form-data"]');
  await upload.locator('input[type="file"]').setInputFiles({
    name: 'IMG_2041.JPG',
    mimeType: 'image/jpeg',
    buffer: await photoWithGps(),
  });
  await upload.locator('input[name="alt"]').fill('Sản phẩm đóng gói, nhìn từ phía trước');
  await upload.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.getByTestId('photos-notice')).toContainText('Đã tải ảnh lên.');
  const photoUrl = (await api()).photos[0]!.url;
  const served = await page.request.get(photoUrl);
  expect(served.headers()['content-type']).toBe('image/webp');
  const meta = await sharp(await served.body()).metadata();
  expect([meta.format, meta.exif, meta.xmp]).toEqual(['webp', undefined, undefined]);

  await upload.locator('input[type="file"]').setInputFiles({
    name: 'anh.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('đây không phải là ảnh'),
  });
  await upload.locator('input[name="alt"]').fill('Ảnh thứ hai');
  await upload.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.getByTestId('photo-error')).toContainText('không phải');
  await upload.locator('input[type="file"]').setInputFiles({
    name: 'lon.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.alloc(11 * 1024 * 1024, 0xff),
  });
  await upload.locator('input[name="alt"]').fill('Ảnh thứ ba');
  await upload.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.locator('#main')).toContainText('10 MB');
  expect((await api()).photos).toHaveLength(1);

  // A buyer on another device.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(`/products/${item.productId}/`);
  const box = buyer.locator('buy-box');
  await expect(box).toContainText(vnd(newPrice));
  await expect(
    buyer.locator(`img[src^="/media/photos/"], img[srcset*="/media/photos/"]`).first(),
  ).toBeVisible();
  await axe(buyer);
  await box.locator(`input[name="sku"][value="${item.sku}"]`).check();
  await expect(box.getByLabel('Số lượng')).toHaveAttribute('max', '3');
  await box.getByLabel('Số lượng').fill('2');
  await box.getByRole('button', { name: 'Thêm vào giỏ hàng' }).click();
  await buyer.goto('/checkout/');
  await buyer.getByLabel('Họ và tên').fill('Đỗ Văn Nam');
  await buyer.getByLabel('Số điện thoại di động').fill('0987 654 321');
  await buyer.getByLabel('Địa chỉ (số nhà, đường, phường/xã)').fill('5 Lê Lợi, phường Bến Thành');
  await buyer.getByLabel('Tỉnh/thành phố').selectOption('Hồ Chí Minh');
  await buyer.getByLabel('Thanh toán khi nhận hàng').check();
  await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
  await expect(buyer).toHaveURL(/\/orders\/CNNT-\d{6}-[A-Z0-9]{5}\//);
  const orderNumber = /CNNT-\d{6}-[A-Z0-9]{5}/.exec(buyer.url())![0];
  await expect(buyer.getByTestId('shipment')).toContainText(vnd(newPrice * 2));
  expect(shown(await api()).stock).toBe(1);

  // The facility's inbox: the order, awaiting confirmation; confirmed through the same code as
  // the signed link in the facility's e-mail.
  await page.goto('/facility/inbox/');
  await expect(page.getByTestId('inbox-orders').locator(`tr[data-order="${orderNumber}"]`)).toBeVisible();
  await axe(page);
  await page.getByTestId('inbox-orders').getByRole('link', { name: orderNumber }).click();
  await expect(page.locator('h1')).toContainText(orderNumber);
  await page.locator('#main').getByRole('button', { name: 'Xác nhận đơn' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xác nhận.' })).toBeVisible();
  await axe(page);
});
