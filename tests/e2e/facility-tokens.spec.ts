/**
 * /facility/tokens/ in Chromium on the built site: a member makes a token (shown once, with the
 * warning), the reload no longer shows it, the token works on the facility API until revoked,
 * and a member of another facility gets 403 for ?facility=A. axe on the pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axe, npmRun, signIn } from './back-office-session';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const facilities = JSON.parse(readFileSync(path.join(CONTENT, 'registry/facilities.json'), 'utf8')) as {
  id: string;
}[];

test('a member makes a token seen once, uses it, revokes it; another facility gets 403', async ({
  page,
  browser,
}) => {
  const [a, b] = facilities;
  const email = `token-${Date.now()}@example.vn`;
  npmRun('facility', ['invite', a!.id, email]);
  await signIn(page, email);
  await page.goto('/facility/tokens/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Khóa API của cơ sở');
  await axe(page);

  await page.getByLabel('Tên khóa').fill('Phần mềm kho');
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  const value = page.getByTestId('token-value');
  const token = await value.inputValue();
  expect(token).toMatch(/^cnnt_fac_[0-9a-f]{16}_/);
  await expect(page.getByTestId('token-created')).toContainText('chỉ hiện một lần');
  await axe(page);

  const api = await page.request.get('/api/facility/products', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(api.status()).toBe(200);

  // Reloading (GET) never shows the token again.
  await page.goto('/facility/tokens/');
  await expect(page.getByTestId('token-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  await page.getByRole('button', { name: 'Thu hồi khóa “Phần mềm kho”' }).click();
  await expect(page.getByTestId('tokens-notice')).toContainText('Phần mềm kho');
  const refused = await page.request.get('/api/facility/products', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);

  const other = await browser.newPage();
  const emailB = `token-b-${Date.now()}@example.vn`;
  npmRun('facility', ['invite', b!.id, emailB]);
  await signIn(other, emailB);
  const forbidden = await other.goto(`/facility/tokens/?facility=${a!.id}`);
  expect(forbidden?.status()).toBe(403);
  await other.close();
});
