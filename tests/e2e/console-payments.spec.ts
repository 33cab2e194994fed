import { expect, type Page, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';
import { oneSellable } from './sample-data';

// Its own client address, so these orders count against no other journey's order limit.
const CLIENT = { 'x-forwarded-for': '198.51.100.31' };

interface Placed {
  orderNumber: string;
  total: number;
  statusUrl: string;
}

async function orderByTransfer(page: Page, sku: string): Promise<Placed> {
  const response = await page.request.post('/api/orders', {
    headers: CLIENT,
    data: {
      items: [{ sku, quantity: 1 }],
      buyer: {
        name: 'Phạm Thu Hà',
        phone: '0903123456',
        email: 'ha.e2e@example.vn',
        address: '25 Trần Hưng Đạo, phường Cửa Nam',
        province: 'Hà Nội',
      },
      paymentMethod: 'bank_transfer',
    },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as Placed & { payment: { method: string; purpose: string } };
  expect(body.payment).toMatchObject({ method: 'bank_transfer', purpose: body.orderNumber });
  return body;
}

const grouped = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

test('an operator marks bank transfers paid, from the queue and from a statement', async ({ page }) => {
  const sku = oneSellable().sku;
  const first = await orderByTransfer(page, sku);
  const second = await orderByTransfer(page, sku);

  await signInAs(page, 'operator');
  await page.getByRole('link', { name: 'Chuyển khoản', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/payments\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chuyển khoản ngân hàng');
  const row = page.locator(`[data-testid="transfer"][data-order="${first.orderNumber}"]`);
  await expect(row.getByTestId('amount-due')).toContainText(grouped(first.total));
  await expect(row).toContainText(first.orderNumber);
  await axe(page);

  // A wrong amount is refused, naming both amounts, and what was typed stays.
  await row.getByLabel('Số tiền đã nhận (₫)').fill(grouped(first.total - 1000));
  await row.getByLabel('Mã tham chiếu ngân hàng').fill('FT25E2E0001');
  await row.getByRole('button', { name: 'Đánh dấu đã thanh toán' }).click();
  await expect(page.getByRole('alert')).toContainText('khác số tiền của đơn');
  await expect(row.getByLabel('Số tiền đã nhận (₫)')).toHaveValue(grouped(first.total - 1000));
  await axe(page);

  await row.getByLabel('Số tiền đã nhận (₫)').fill(grouped(first.total));
  await row.getByRole('button', { name: 'Đánh dấu đã thanh toán' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã ghi nhận thanh toán cho đơn ${first.orderNumber}`);
  await expect(row).toHaveCount(0);

  // A statement as MB exports it: the second order's number without dashes, in lower case.
  const statement = [
    'NGÂN HÀNG TMCP QUÂN ĐỘI,,,,,,',
    'SAO KÊ TÀI KHOẢN,,,,,,',
    'STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Nội dung chi tiết',
    `1,14/04/2025,FT25104000001,,"${second.total.toLocaleString('en-US')}","9,000,000",${second.orderNumber.replaceAll('-', '').toLowerCase()} chuyen tien`,
    '2,14/04/2025,FT25104000002,,"75,000","9,075,000",Chuyen tien an trua',
    '3,31/02/2025,FT25104000003,,"10,000","9,085,000",Dong loi',
  ].join('\n');
  await page.getByLabel('Tệp sao kê').setInputFiles({
    name: 'SaoKe_MB.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(statement, 'utf8'),
  });
  await page.getByRole('button', { name: 'Đọc sao kê' }).click();
  await expect(page).toHaveURL(/\/admin\/payments\/\?statement=\d+$/);
  const proposal = page.locator(`[data-testid="proposal"][data-order="${second.orderNumber}"]`);
  await expect(proposal).toContainText(grouped(second.total));
  await expect(page.getByTestId('unmatched')).toContainText('Không tìm thấy mã đơn hàng trong nội dung');
  await expect(page.getByTestId('problems')).toContainText('31/02/2025');
  // Uploading marked nothing paid: the second order still waits in the queue.
  await expect(page.locator(`[data-testid="transfer"][data-order="${second.orderNumber}"]`)).toHaveCount(1);
  await axe(page);

  await proposal.getByRole('button', { name: `Xác nhận đã nhận tiền: ${second.orderNumber}` }).click();
  await expect(page.getByRole('status')).toContainText(
    `Đã ghi nhận thanh toán cho đơn ${second.orderNumber}`,
  );
  await expect(page.locator(`[data-testid="transfer"][data-order="${second.orderNumber}"]`)).toHaveCount(0);
  await expect(page.getByTestId('unmatched')).toContainText(
    `Đơn ${second.orderNumber} đã được ghi nhận thanh toán`,
  );
  await axe(page);

  // A file that is no statement gets a clear error.
  await page.getByLabel('Tệp sao kê').setInputFiles({
    name: 'danh-sach.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Họ tên,Điện thoại\nLan,0912345678\n', 'utf8'),
  });
  await page.getByRole('button', { name: 'Đọc sao kê' }).click();
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy dòng tiêu đề của sao kê');
  await axe(page);

  // The English page.
  await page.goto('/en/admin/payments/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bank transfers');
  await axe(page);

  // The buyer's order page: paid, and no transfer instructions any more.
  for (const order of [first, second]) {
    await page.goto(order.statusUrl);
    await expect(page.locator('section[aria-labelledby="order-payment"]')).toContainText('Đã thanh toán');
    await expect(page.getByTestId('bank-transfer')).toHaveCount(0);
  }
});
