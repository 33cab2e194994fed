/**
 * The registry's history in Chromium on the built site: an operator imports a one-row list from
 * the console (a new product), opens "Lịch sử danh mục" and finds the import on top, opens the
 * state before it, previews restoring it (the diff removes the new product), applies, and sees
 * the new 'restore' entry on top of the history, the files back as they were. axe on every page.
 * The registry files are put back as they were afterwards (the journey writes the content folder
 * the server reads).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';
import { HEADER, toCsv } from './sample-data';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const REGISTRY = ['facilities', 'products', 'certificates'].map((n) =>
  path.join(CONTENT, `registry/${n}.json`),
);
const GROUP_NUMBER: Record<string, number> = { handicraft: 1, food: 2, machinery: 3, other: 4 };

/** A row adding a new product to a facility of the registry, as its own list names it. */
function newProductRow(productName: string): string[] {
  const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T[];
  const [facilitiesFile, productsFile, certificatesFile] = REGISTRY as [string, string, string];
  const certificate = read<{ facilityId: string; productId: string; provinceAsListed: string }>(
    certificatesFile,
  )[0]!;
  const facility = read<{ id: string; name: string }>(facilitiesFile).find(
    (f) => f.id === certificate.facilityId,
  )!;
  const product = read<{ id: string; group: string }>(productsFile).find(
    (p) => p.id === certificate.productId,
  )!;
  return [
    '',
    'tỉnh',
    '',
    String(new Date().getFullYear()),
    productName,
    String(GROUP_NUMBER[product.group]),
    facility.name,
    certificate.provinceAsListed,
  ];
}

let saved: string[] = [];
test.beforeAll(() => {
  saved = REGISTRY.map((file) => readFileSync(file, 'utf8'));
});
test.afterAll(() => {
  for (const [i, file] of REGISTRY.entries()) writeFileSync(file, saved[i]!);
});

test('an operator undoes an import by restoring the state before it, after previewing the diff', async ({
  page,
}) => {
  const newProduct = `Sản phẩm lịch sử ${Date.now()}`;
  await signInAs(page, 'operator');

  // An import from the console: the change to undo.
  await page.goto('/admin/registry/import/');
  await page.getByLabel(/Tệp danh sách/).setInputFiles({
    name: 'mot-dong.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv([HEADER, newProductRow(newProduct)]), 'utf8'),
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(page).toHaveURL(/\/admin\/registry\/import\/\d+\/$/);
  await page.getByRole('button', { name: 'Áp dụng vào danh mục' }).click();
  await expect(page).toHaveURL(/\?done=applied$/);
  const imported = REGISTRY.map((file) => readFileSync(file, 'utf8'));
  expect(imported[1]).toContain(newProduct);

  // The history: the import on top, by this operator, with a link to the state after it.
  await page.getByRole('navigation').getByRole('link', { name: 'Lịch sử danh mục', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch sử danh mục');
  const top = page.getByTestId('registry-history').locator('tbody tr').first();
  await expect(top).toHaveAttribute('data-action', 'import');
  await expect(top).toContainText('Nhập danh sách');
  await expect(top).toContainText('mot-dong.csv');
  await axe(page);

  // The state after the import is the current one; the state before it is one click away.
  await top.getByRole('link', { name: /^Trạng thái #/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Trạng thái danh mục #/);
  await expect(page.getByTestId('state-current')).toBeVisible();
  await expect(page.getByTestId('state-audit')).toContainText('registry.import');
  await axe(page);
  const facts = page.getByTestId('state-facts');
  await facts
    .getByRole('link', { name: /^Trạng thái #/ })
    .first()
    .click();
  await expect(page.getByTestId('state-counts')).toContainText('Sản phẩm');
  await axe(page);

  // Preview: the diff from the current files removes the imported product.
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
  await expect(page).toHaveURL(/\?preview=1$/);
  const preview = page.getByTestId('restore-preview');
  await expect(preview.locator('[data-diff="products-removed"]')).toContainText(newProduct);
  await expect(
    page.getByTestId('restore-diff-counts').locator('tr[data-collection="products"] [data-count="removed"]'),
  ).toHaveText('1');
  await axe(page);

  // Apply: back on the history, the restore on top and the files as before the import.
  await page.getByRole('button', { name: 'Khôi phục trạng thái này' }).click();
  await expect(page).toHaveURL(/\/admin\/registry\/\?restored=\d+$/);
  await expect(page.getByTestId('history-notice')).toContainText('Đã khôi phục.');
  await expect(page.getByRole('button', { name: 'Xuất bản ngay' })).toBeVisible();
  const restored = page.getByTestId('registry-history').locator('tbody tr').first();
  await expect(restored).toHaveAttribute('data-action', 'restore');
  await expect(restored).toContainText('Khôi phục trạng thái #');
  expect(readFileSync(REGISTRY[1]!, 'utf8')).not.toContain(newProduct);
  expect(REGISTRY.map((file) => readFileSync(file, 'utf8'))).toEqual(saved);
  await axe(page);

  // The English page.
  await page.goto('/en/admin/registry/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registry history');
  await expect(page.getByTestId('registry-history').locator('tbody tr').first()).toContainText(
    'Restore of state #',
  );
  await axe(page);
});
