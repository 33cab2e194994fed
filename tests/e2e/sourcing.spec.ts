/**
 * Sourcing end to end on the built site: the /wholesale/ filters and pagination without
 * JavaScript; then a buyer's journey from search to a facility's answer: export the shortlist,
 * find two offers of two facilities, add them to the quote basket, send the quote, open each
 * facility's signed link from the outbox, answer, and see the answer on the buyer's page.
 */

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

const MAILBOX = path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data', 'outbox');

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

interface Mail {
  kind: string;
  ref: string;
  to: string;
  subject: string;
  text: string;
}

/** Messages the server delivered to its file mailbox for a quote reference (waits for delivery). */
async function mailsFor(reference: string, kind: string, count: number): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(
      async () => {
        const names = await readdir(MAILBOX).catch(() => [] as string[]);
        const mails = await Promise.all(
          names
            .filter((n) => n.endsWith('.json'))
            .map(async (n) => JSON.parse(await readFile(path.join(MAILBOX, n), 'utf8')) as Mail),
        );
        found = mails.filter((m) => m.kind === kind && m.ref.startsWith(reference));
        return found.length;
      },
      { timeout: 15_000 },
    )
    .toBe(count);
  return found;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filters with the GET form, paginates, and serves both locales', async ({ page }) => {
    await page.goto('/wholesale/');
    await expect(page.locator('h1')).toHaveText('Mua sỉ: nguồn hàng cho nhà bán lẻ và nhà phân phối');
    await page.selectOption('#f-group', 'food');
    await page.fill('#f-maxMoq', '60');
    await page.check('#f-tiers');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect(page).toHaveURL(/group=food/);
    await expect(page).toHaveURL(/maxMoq=60/);
    await expect(page).toHaveURL(/tiers=1/);
    const moqs = await page.locator('[data-testid="moq"]').allTextContents();
    expect(moqs.length).toBeGreaterThan(0);
    for (const moq of moqs) expect(Number(moq.replace(/\D/g, ''))).toBeLessThanOrEqual(60);
    const firstPage = await page.locator('.offer-card').first().getAttribute('data-sku');
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('.offer-card').first()).not.toHaveAttribute('data-sku', firstPage!);

    await page.goto('/en/wholesale/?level=national');
    await expect(page.locator('h1')).toHaveText('Wholesale: sourcing for retailers and distributors');
    await expect(page.locator('.offer-card .level').first()).toHaveText('National level');
  });
});

test('a buyer sends one quote to two facilities and sees a facility’s answer', async ({ page, browser }) => {
  // The shortlist export: pick two offers with e-mail from two different facilities.
  const csv = await page.request.get('/api/wholesale/export.csv?tiers=1&sort=moq');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parse(body.slice(1)) as string[][];
  const col = (name: string) => header!.indexOf(name);
  const withEmail = rows.filter((r) => r[col('E-mail')] && Number(r[col('Số lượng tối thiểu (MOQ)')]) <= 200);
  const first = withEmail[0]!;
  const second = withEmail.find((r) => r[col('Cơ sở')] !== first[col('Cơ sở')])!;
  expect(second).toBeDefined();
  const picks = [first, second].map((r) => ({
    sku: r[col('Mã hàng (SKU)')]!,
    facility: r[col('Cơ sở')]!,
    moq: Number(r[col('Số lượng tối thiểu (MOQ)')]),
  }));

  for (const [i, pick] of picks.entries()) {
    await page.goto(`/wholesale/?q=${encodeURIComponent(pick.sku)}`);
    let card = page.locator(`.offer-card[data-sku="${pick.sku}"]`);
    if (i === 1) {
      // The second one from its product page, through the result's link.
      await card.locator('h3 a').click();
      await expect(page).toHaveURL(/\/products\/[a-z0-9-]+\/$/);
      card = page.locator(`form.add-to-quote[data-sku="${pick.sku}"]`);
    }
    // "Add to quote basket" hydrates when it scrolls into view (client:visible).
    await card.scrollIntoViewIfNeeded();
    const quantity = card.locator('input[type="number"]');
    const add = card.getByRole('button', { name: 'Thêm vào giỏ báo giá' });
    await expect(add).toBeEnabled();
    if (i === 0 && pick.moq > 1) {
      await quantity.fill(String(pick.moq - 1));
      await add.click();
      await expect(card.locator('.error')).toContainText(`Tối thiểu`);
    }
    await quantity.fill(String(pick.moq));
    await add.click();
    await expect(card.getByRole('status')).toContainText('Đã thêm vào giỏ báo giá');
  }
  await expectNoAxeViolations(page);

  await page.goto('/wholesale/basket/');
  await expect(page.locator('.basket-facility')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Tải CSV' })).toHaveAttribute(
    'href',
    new RegExp(`items=${picks[0]!.sku}%3A${picks[0]!.moq}`),
  );
  await page.getByLabel('Tên doanh nghiệp, cửa hàng').fill('Công ty CP Siêu thị Thủ Đô');
  await page.getByLabel('Mã số thuế').fill('0100109107');
  await page.getByLabel('Người liên hệ').fill('Nguyễn Thị Lan');
  await page.getByLabel('Điện thoại').fill('0912 345 678');
  await page.getByLabel('E-mail').fill('lan.e2e@example.vn');
  await page.getByLabel('Tỉnh, thành phố nhận hàng').selectOption('Hà Nội');
  await page.getByLabel('Lời nhắn cho cơ sở (không bắt buộc)').fill('Cần hàng cho đợt khuyến mãi.');
  await page.getByRole('button', { name: 'Gửi yêu cầu báo giá' }).click();
  await expect(page.getByText('Mã số thuế sai chữ số kiểm tra')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Mã số thuế').fill('0100109106-001');
  await page.getByRole('button', { name: 'Gửi yêu cầu báo giá' }).click();
  const sent = page.locator('.quote-sent');
  // The first write after the server starts opens and migrates the embedded database (seconds).
  await expect(sent).toContainText(/Đã gửi yêu cầu báo giá BG-[A-Z2-9]{8} đến 2 cơ sở/, { timeout: 45_000 });
  const reference = /BG-[A-Z2-9]{8}/.exec((await sent.locator('h2').textContent())!)![0];
  const statusHref = (await sent.getByRole('link', { name: 'Xem trạng thái yêu cầu' }).getAttribute('href'))!;

  // Each facility is told through the outbox with its own signed link.
  const requests = await mailsFor(reference, 'quote-request', 2);
  expect(
    requests
      .map((m) => m.subject)
      .every((s) => s === `Yêu cầu báo giá ${reference} từ Công ty CP Siêu thị Thủ Đô`),
  ).toBe(true);
  const toFirst = requests.find((m) => m.text.includes(picks[0]!.sku))!;
  const link = new URL(/https?:\/\/\S+\/wholesale\/answer\/\S+\//.exec(toFirst.text)![0]);

  // The facility is another person: its own browser context.
  const facilityContext = await browser.newContext();
  const facility = await facilityContext.newPage();
  await facility.goto(link.pathname);
  await expect(facility.locator('h1')).toHaveText(`Trả lời yêu cầu báo giá ${reference}`);
  await expect(facility.getByText('0100109106-001')).toBeVisible();
  await expectNoAxeViolations(facility);
  await facility.getByLabel(/^Đơn giá \(₫\) cho/).fill('95.000');
  await facility.getByLabel(/^Số lượng cung cấp được cho/).fill(String(picks[0]!.moq));
  await facility.getByLabel(/^Thời gian giao \(ngày\) cho/).fill('7');
  await facility.getByLabel('Lời nhắn cho người mua').fill('Giao từ kho trong tuần.');
  await facility.getByRole('button', { name: 'Gửi báo giá' }).click();
  await expect(facility.locator('#answer-status')).toHaveText(
    'Đã gửi câu trả lời. Người mua đã được thông báo.',
  );
  // The link answers once.
  await facility.reload();
  await expect(facility.getByRole('button', { name: 'Gửi báo giá' })).toHaveCount(0);
  await facilityContext.close();

  const [answerMail] = await mailsFor(reference, 'quote-answer', 1);
  expect(answerMail!.to).toBe('lan.e2e@example.vn');

  await page.goto(statusHref);
  await expect(page.locator('h1')).toHaveText(`Yêu cầu báo giá ${reference}`);
  const answered = page.locator('.quote-request', { hasText: picks[0]!.facility });
  await expect(answered.locator('.request-status')).toHaveText('Cơ sở đã báo giá');
  await expect(answered.getByTestId('offered-price')).toHaveText('95.000\u00a0₫');
  await expect(answered).toContainText('Giao từ kho trong tuần.');
  await expect(
    page.locator('.quote-request', { hasText: picks[1]!.facility }).locator('.request-status'),
  ).toHaveText('Đang chờ cơ sở trả lời');
  await expectNoAxeViolations(page);

  // Someone without the buyer's e-mail learns nothing.
  const other = await page.request.get(`/api/quotes/${reference}?email=someone@example.vn`);
  expect(other.status()).toBe(404);
  const api = await page.request.get(`/api/quotes/${reference}?email=lan.e2e@example.vn`);
  expect(
    ((await api.json()) as { requests: { status: string }[] }).requests.map((r) => r.status).sort(),
  ).toEqual(['answered', 'pending']);
});
