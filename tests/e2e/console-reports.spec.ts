/**
 * Triage of a counterfeit report in Chromium on the built site: a visitor reports a suspected
 * fake through the public report form (the code names a real certificate), an operator finds
 * the report in /admin/reports/ (no contact details in the list), opens it beside the
 * certificate and product it names, moves it to investigating, adds a note, and reads both in
 * the report's history from the audit log. The e-mail screen opens too. axe on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';

const CONTENT = process.env.CONTENT_DIR ?? 'content';

/** A national certificate valid today, not revoked, and its product's name. */
function reportedCertificate(): { id: string; productName: string } {
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as T[];
  const today = new Date().toISOString().slice(0, 10);
  const certificates = read<{
    id: string;
    productId: string;
    level: string;
    validUntil: string;
    revocation?: unknown;
  }>('registry/certificates.json');
  const certificate =
    certificates.find((c) => c.level === 'national' && !c.revocation && c.validUntil >= today) ??
    certificates.find((c) => !c.revocation)!;
  const product = read<{ id: string; name: string }>('registry/products.json').find(
    (p) => p.id === certificate.productId,
  )!;
  return { id: certificate.id, productName: product.name };
}

test('a visitor reports a suspected fake; an operator triages it and sees it in its history', async ({
  page,
  browser,
}) => {
  const certificate = reportedCertificate();
  const place = `Chợ thử nghiệm ${Date.now()}`;
  const contact = `nguoi-bao-${Date.now()}@example.vn`;

  // The visitor, from an address of its own (the report limit is per address).
  const visitor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.41' } });
  const form = await visitor.newPage();
  await form.goto(`/verify/report/?code=${encodeURIComponent(certificate.id)}`);
  await expect(form.getByLabel('Mã hoặc số trên tem')).toHaveValue(certificate.id);
  await form.getByLabel('Nơi mua hoặc nơi thấy sản phẩm (không bắt buộc)').fill(place);
  await form.getByLabel('Mô tả thêm (không bắt buộc)').fill('Tem in mờ, không quét được.');
  await form.getByLabel('Số điện thoại hoặc email để chúng tôi liên hệ lại (không bắt buộc)').fill(contact);
  await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const thanks = form.getByRole('main').getByRole('status');
  await expect(thanks).toContainText(/Báo cáo số \d+ đã được ghi nhận/);
  const reportId = /Báo cáo số (\d+)/.exec((await thanks.textContent()) ?? '')![1]!;
  await visitor.close();

  // The operator finds it among the new reports, without the reporter's contact.
  const operator = await signInAs(page, 'operator');
  await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo hàng giả', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo hàng giả');
  const row = page.getByTestId('reports').locator(`tr[data-report-id="${reportId}"]`);
  await expect(row).toContainText(place);
  await expect(row).toContainText('Mới');
  await expect(row).toContainText(certificate.id);
  await expect(row.locator('[data-certificate-reports]')).toHaveText(/\d+/);
  await expect(page.getByTestId('reports')).not.toContainText(contact);
  await axe(page);

  // The report, beside the certificate and product it names.
  await row.getByRole('link', { name: `Báo cáo số ${reportId}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Báo cáo số ${reportId}`);
  await expect(page.getByTestId('report-facts')).toContainText(contact);
  await expect(page.getByTestId('report-facts')).toContainText('Mã có trong danh sách');
  await expect(page.getByTestId('report-subject')).toContainText(certificate.productName);
  await expect(page.getByTestId('report-subject').locator('[data-certificate-status]')).toHaveAttribute(
    'data-certificate-status',
    /^(valid|expired|revoked|superseded)$/,
  );
  await expect(page.getByText('Chưa có thay đổi nào.')).toBeVisible();
  await axe(page);

  // New → investigating; a verdict is not offered before investigating.
  const moveTo = page.getByLabel('Chuyển sang');
  await expect(moveTo.locator('option')).toHaveText(['Đang xác minh', 'Đã đóng']);
  await moveTo.selectOption({ label: 'Đang xác minh' });
  await page.getByRole('button', { name: 'Lưu trạng thái' }).click();
  await expect(page.getByTestId('report-notice')).toHaveText('Đã chuyển báo cáo sang “Đang xác minh”.');
  await expect(page.getByTestId('report-facts')).toContainText('Đang xác minh');
  await expect(page.getByLabel('Chuyển sang').locator('option')).toHaveText([
    'Xác nhận là hàng giả',
    'Không phải hàng giả',
    'Đã đóng',
  ]);

  const note = `Đã gọi cho người báo, chờ ảnh tem (${Date.now()}).`;
  await page.getByLabel('Ghi chú mới').fill(note);
  await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
  await expect(page.getByTestId('report-notice')).toHaveText('Đã thêm ghi chú.');
  await expect(page.getByTestId('report-notes')).toContainText(note);
  await expect(page.getByTestId('report-notes')).toContainText(operator);

  // Both changes in the report's history, by this operator, with before and after.
  const history = page.getByTestId('report-history');
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history).toContainText('report.status');
  await expect(history).toContainText('{"status":"new"}');
  await expect(history).toContainText('{"status":"investigating"}');
  await expect(history).toContainText('report.note');
  await expect(history).toContainText(operator);
  await axe(page);

  // Still in the default list (new and investigating), now investigating; and in English.
  await page.goto('/admin/reports/');
  await expect(page.getByTestId('reports').locator(`tr[data-report-id="${reportId}"]`)).toContainText(
    'Đang xác minh',
  );
  await page.goto(
    `/admin/reports/?sort=most_reported&status=all&certificate=${encodeURIComponent(certificate.id)}`,
  );
  await expect(page.getByTestId('reports').locator(`tr[data-report-id="${reportId}"]`)).toBeVisible();
  await axe(page);
  await page.goto(`/en/admin/reports/${reportId}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Report ${reportId}`);
  await axe(page);

  // The e-mail screen opens for operators, in both languages.
  await page.getByRole('navigation').getByRole('link', { name: 'E-mails', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Failed and retrying e-mails');
  await axe(page);
  await page.goto('/admin/emails/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail gửi lỗi và đang gửi lại');
  await axe(page);
  expect((await page.goto('/admin/reports/99999999/'))?.status()).toBe(404);
});
