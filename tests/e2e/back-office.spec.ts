/**
 * The back office in Chromium on the built site: the first admin is invited by the command
 * while the server runs (through its admin socket), signs in with the code e-mailed to the
 * outbox, enrols TOTP as an authenticator app would, reaches the console, invites an operator
 * there (audited), and signs out everywhere. A facility member is refused the console (403)
 * and a signed-out visitor is sent to sign in. axe on every page.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { totpFromUri } from '../accounts/authenticator';
import { axe, npmRun, signIn } from './back-office-session';

test('an admin invited by the command signs in with TOTP and runs the console', async ({ page }) => {
  const email = `admin-${Date.now()}@example.vn`;
  npmRun('operator', ['invite', email, '--role', 'admin']);

  // Signed out, the console sends you to sign in, and back afterwards.
  await page.goto('/admin/');
  await expect(page).toHaveURL(/\/account\/\?next=%2Fadmin%2F/);
  await axe(page);

  await signIn(page, email);
  // An admin without TOTP is sent to enrol first.
  await expect(page).toHaveURL(/\/account\/two-factor\/$/);
  await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await axe(page);
  const uri = `otpauth://totp/x?secret=${secret}`;
  await page.getByLabel('Mã từ ứng dụng xác thực').fill(totpFromUri(uri));
  await page.getByRole('button', { name: 'Xác nhận' }).click();

  await expect(page).toHaveURL(/\/admin\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc đang chờ');
  await expect(page.getByTestId('queues').locator('li')).toHaveCount(7);
  await axe(page);

  // Invite an operator from the console: listed, and in the audit log under this admin.
  const operator = `op-${Date.now()}@example.vn`;
  await page.goto('/admin/operators/');
  await page.getByLabel('E-mail').fill(operator);
  await page.getByRole('button', { name: 'Gửi lời mời' }).click();
  await expect(page.getByRole('status')).toContainText(operator);
  await expect(page.getByTestId('staff')).toContainText(operator);
  await axe(page);
  await page.goto(`/admin/audit/?actor=${encodeURIComponent(email)}`);
  await expect(page.getByTestId('audit')).toContainText('account.invite');
  await expect(page.getByTestId('audit')).toContainText('account.two_factor_enabled');
  await axe(page);

  // The next sign-in stops at the TOTP challenge.
  await page.goto('/account/sessions/');
  await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
  await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.');
  await page.goto('/admin/');
  await expect(page).toHaveURL(/\/account\//);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\/two-factor\//);
  await axe(page);
  // A new 30-second step, so the code is not the one used at enrolment.
  await page.waitForTimeout(Math.max(0, 30_000 - (Date.now() % 30_000)) + 500);
  await page.getByLabel('Mã từ ứng dụng xác thực').fill(totpFromUri(uri));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page).toHaveURL(/\/admin\/$/);
});

test('a facility member may not open the console; English pages too', async ({ page, request }) => {
  const email = `member-${Date.now()}@example.vn`;
  const facilityId = JSON.parse(readFileSync('content/registry/facilities.json', 'utf8'))[0].id as string;
  npmRun('facility', ['invite', facilityId, email]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\/sessions\/$/);
  await expect(page.getByTestId('signed-in-as')).toContainText(email);
  const refused = await page.goto('/admin/');
  expect(refused?.status()).toBe(403);
  const api = await page.request.get('/api/admin/queues');
  expect(api.status()).toBe(403);
  expect((await request.get('/api/admin/queues')).status()).toBe(401);
  await page.goto('/en/account/sessions/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account and sessions');
  await axe(page);
});
