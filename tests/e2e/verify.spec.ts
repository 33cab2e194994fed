/**
 * Certificate verification end to end, on the built site: scanning a badge (its QR URL comes
 * from the badge the server signs), a tampered badge, an unknown code with the report form
 * (with and without JavaScript), the live API at its contract URL, and axe on every page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

interface RegisterEntry {
  id: string;
  number: string | null;
  status: 'valid' | 'expired' | 'revoked' | 'superseded';
  supersededBy: string | null;
}

async function register(page: Page): Promise<RegisterEntry[]> {
  const res = await page.request.get('/verify/register.json');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { certificates: RegisterEntry[] }).certificates;
}

async function first(page: Page, status: RegisterEntry['status']): Promise<RegisterEntry> {
  const entry = (await register(page)).find((c) => c.status === status);
  if (!entry) throw new Error(`the sample register has no ${status} certificate`);
  return entry;
}

/** The path and query the badge's QR code opens (the server's site URL may differ from the test's). */
async function badgeTarget(page: Page, id: string): Promise<string> {
  const svg = await (await page.request.get(`/verify/${id}/badge/svg/`)).text();
  const url = new URL(/<desc>([^<]+)<\/desc>/.exec(svg)![1]!);
  return `${url.pathname}${url.search}`;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a scanned badge shows the genuine-badge check and the live verdict', async ({ page }) => {
  const valid = await first(page, 'valid');
  await page.goto(await badgeTarget(page, valid.id));
  await expect(page.locator('[data-badge-check]')).toContainText('Mã QR trên tem là thật');
  await expect(page.locator('[data-verify-live]')).toContainText('Chứng nhận CÒN HIỆU LỰC');
  await expect(page.locator('[data-verdict-asof]')).toContainText('Trạng thái trực tiếp lúc');
  await expectNoAxeViolations(page);
});

test('a tampered badge code gets the counterfeit warning and a way to report it', async ({ page }) => {
  const valid = await first(page, 'valid');
  const target = await badgeTarget(page, valid.id);
  // Claim a later valid-until date than the one signed.
  const tampered = target.replace(
    /\.(\d{4})(\d{4})\.([^.]+)\.([^.]+)$/,
    (_m, y: string, md: string, kid: string, sig: string) => `.${Number(y) + 5}${md}.${kid}.${sig}`,
  );
  expect(tampered).not.toBe(target);
  await page.goto(tampered);
  const warning = page.locator('[data-badge-check]');
  await expect(warning).toContainText('CẢNH BÁO: mã QR trên tem không có chữ ký hợp lệ');
  await warning.getByRole('link', { name: 'Báo cáo tem nghi giả' }).click();
  await expect(page.getByLabel('Mã hoặc số trên tem')).toHaveValue(/^b1\./);
});

test('revoked and superseded certificates say so, with the newer certificate linked (English)', async ({
  page,
}) => {
  const revoked = await first(page, 'revoked');
  await page.goto(`/en/verify/${revoked.id}/`);
  await expect(page.locator('[data-verify-live]')).toContainText('Certificate REVOKED');
  await expect(page.locator('[data-verify-live]')).toContainText('Reason:');
  await expectNoAxeViolations(page);

  const superseded = await first(page, 'superseded');
  await page.goto(`/en/verify/${superseded.id}/`);
  await expect(page.locator('[data-verify-live]')).toContainText('Certificate SUPERSEDED');
  await page.getByRole('link', { name: 'See the newer certificate' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/verify/${superseded.supersededBy}/$`));
});

test('the lookup box finds a printed number typed loosely', async ({ page }) => {
  const withNumber = (await register(page)).find((c) => c.number && /[a-z]/i.test(c.number));
  test.skip(!withNumber, 'the sample register has no printed number with letters');
  await page.goto('/verify/');
  await expectNoAxeViolations(page);
  await page
    .getByLabel('Số chứng nhận, mã chứng nhận hoặc mã trên tem')
    .fill(` ${withNumber!.number!.toLowerCase().replace(/[-/]/g, ' ')} `);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${withNumber!.id}/$`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an unknown code gets "not found — possibly counterfeit" and the report form works', async ({
    page,
  }) => {
    await page.goto('/verify/');
    await page.getByLabel('Số chứng nhận, mã chứng nhận hoặc mã trên tem').fill('KHÔNG-CÓ-999');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Không tìm thấy — có thể là hàng giả' }),
    ).toBeVisible();
    await page.getByLabel('Nơi mua hoặc nơi thấy sản phẩm (không bắt buộc)').fill('Chợ Đồng Xuân, Hà Nội');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText(/Báo cáo số \d+ đã được ghi nhận/);
  });

  test('the English report form names a missing code', async ({ page }) => {
    await page.goto('/en/verify/report/');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the code or number on the badge.');
  });
});

// axe needs JavaScript in the page, so the pages the no-JavaScript tests visit are checked here.
test('the not-found and report pages pass axe in both languages', async ({ page }) => {
  for (const path of [
    '/verify/check/?code=khong-co-999',
    '/en/verify/check/?code=khong-co-999',
    '/verify/report/',
    '/en/verify/report/',
    '/en/verify/',
  ]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test('the badge kit page shows the badge and links SVG and 300 dpi PNG', async ({ page }) => {
  const valid = await first(page, 'valid');
  await page.goto(`/verify/${valid.id}/badge/`);
  await expectNoAxeViolations(page);
  const png = await page.request.get(
    await page
      .getByRole('link', { name: 'Tải tem PNG 300 dpi' })
      .getAttribute('href')
      .then((h) => h!),
  );
  expect(png.headers()['content-type']).toBe('image/png');
  const img = page.getByRole('img', { name: /Tem chứng nhận/ });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
});

test('GET /api/verify answers at the contract URL', async ({ page }) => {
  const valid = await first(page, 'valid');
  const ok = await page.request.get(`/api/verify?code=${valid.id}`, { maxRedirects: 0 });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ status: 'valid', certificate: { id: valid.id } });
  const missing = await page.request.get('/api/verify?code=khong-co-999', { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
});
