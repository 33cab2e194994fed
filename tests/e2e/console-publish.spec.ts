/**
 * Publishing while the e2e server runs: `npm run publish -- --from dist` twice (the build the
 * journeys already use, published as two builds), the server switching each time without a
 * restart; then an operator sees both builds in /admin/publish/, rolls back from the console,
 * and the server serves the earlier build at once, the rollback in the history under the
 * operator. The storefront answers throughout. axe on the screen in both languages.
 * ("Publish now" runs a full build of several minutes: its start is tested in vitest.)
 */
import { expect, test } from '@playwright/test';
import { axe, npmRun, signInAs } from './back-office-session';

const servedBuild = async (request: import('@playwright/test').APIRequestContext) =>
  ((await (await request.get('/healthz')).json()) as { build?: string }).build;

test('publish twice while serving, then roll back from the console', async ({ page, request }) => {
  test.setTimeout(240_000);
  npmRun('publish', ['--from', 'dist']);
  const first = await servedBuild(request);
  expect(first).toMatch(/^\d{8}-\d{9}-[0-9a-f]{4}$/);
  npmRun('publish', ['--from', 'dist']);
  const second = await servedBuild(request);
  expect(second).not.toBe(first);
  expect((await request.get('/')).status()).toBe(200);

  const email = await signInAs(page, 'operator');
  await page.goto('/admin/publish/');
  await expect(page.getByRole('heading', { level: 1, name: 'Xuất bản trang web' })).toBeVisible();
  await expect(page.getByTestId('live-build')).toHaveText(second!);
  await expect(page.getByTestId('builds')).toContainText(first!);
  await axe(page);

  await page.getByRole('button', { name: `Quay lại bản ${first}` }).click();
  await expect(page.getByTestId('publish-notice')).toContainText(`Đã quay lại bản ${first}`);
  expect(await servedBuild(request)).toBe(first);
  await expect(page.getByTestId('live-build')).toHaveText(first!);
  const history = page.getByTestId('publish-history');
  await expect(history.locator('tr', { hasText: 'site.rollback' })).toContainText(email);
  await expect(history.locator('tr', { hasText: 'site.publish' }).first()).toContainText('npm run publish');
  // The storefront (static pages, search, verification) is the earlier build's, and answers.
  expect((await request.get('/')).status()).toBe(200);
  expect((await request.get('/api/search?q=che')).status()).toBe(200);

  await page.goto('/en/admin/publish/');
  await expect(page.getByRole('heading', { level: 1, name: 'Publish the site' })).toBeVisible();
  await axe(page);
});
