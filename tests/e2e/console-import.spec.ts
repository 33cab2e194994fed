/**
 * Importing a list from the console in Chromium on the built site: an operator uploads a list
 * with a bad row and reads every problem (`ROW: COLUMN: message`); uploads the corrected list,
 * in which a cooperative of the registry ("Hợp tác xã …") is also written "HTX …"; sees the
 * two names become one facility and the diff field by field; applies; and sees the import's
 * history entry and "Publish now". axe on every page. The registry files are put back as they
 * were afterwards (the journey writes the content folder the server reads).
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

const LEVEL_WORDS: Record<string, string> = {
  national: 'quốc gia',
  regional: 'khu vực',
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};
const REGION_WORDS: Record<string, string> = {
  north: 'phía Bắc',
  central: 'miền Trung - Tây Nguyên',
  south: 'phía Nam',
};
const GROUP_NUMBER: Record<string, number> = { handicraft: 1, food: 2, machinery: 3, other: 4 };

interface Picked {
  facilityId: string;
  name: string;
  shortName: string;
  row: string[];
  province: string;
  group: number;
}

/** A cooperative named "Hợp tác xã …" with a certificate that has a printed number. */
function pickCooperative(): Picked {
  const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T[];
  const [facilitiesFile, productsFile, certificatesFile] = REGISTRY as [string, string, string];
  const facilities = new Map(
    read<{ id: string; name: string }>(facilitiesFile).map((f) => [f.id, f] as const),
  );
  const products = new Map(
    read<{ id: string; name: string; group: string }>(productsFile).map((p) => [p.id, p]),
  );
  const certificate = read<{
    facilityId: string;
    productId: string;
    number?: string;
    level: string;
    region?: string;
    year: number;
    provinceAsListed: string;
  }>(certificatesFile).find((c) => c.number && facilities.get(c.facilityId)?.name.startsWith('Hợp tác xã '))!;
  const facility = facilities.get(certificate.facilityId)!;
  const product = products.get(certificate.productId)!;
  return {
    facilityId: facility.id,
    name: facility.name,
    shortName: facility.name.replace(/^Hợp tác xã /, 'HTX '),
    province: certificate.provinceAsListed,
    group: GROUP_NUMBER[product.group]!,
    row: [
      certificate.number!,
      LEVEL_WORDS[certificate.level]!,
      certificate.region ? REGION_WORDS[certificate.region]! : '',
      String(certificate.year),
      product.name,
      String(GROUP_NUMBER[product.group]),
      facility.name,
      certificate.provinceAsListed,
    ],
  };
}

let saved: string[] = [];
test.beforeAll(() => {
  saved = REGISTRY.map((file) => readFileSync(file, 'utf8'));
});
test.afterAll(() => {
  for (const [i, file] of REGISTRY.entries()) writeFileSync(file, saved[i]!);
});

test('an operator imports a list, sees a renamed cooperative merged and the diff, and applies it', async ({
  page,
}) => {
  const picked = pickCooperative();
  const stamp = Date.now();
  const newProduct = `Sản phẩm thử nghiệm ${stamp}`;
  // Row 2 restates the registry's certificate; row 3, newer, names the cooperative "HTX …".
  const good: string[][] = [
    HEADER,
    picked.row,
    [
      '',
      'tỉnh',
      '',
      String(new Date().getFullYear()),
      newProduct,
      String(picked.group),
      picked.shortName,
      picked.province,
    ],
  ];
  const bad: string[][] = [
    HEADER,
    picked.row,
    ['', 'trung ương', '', '2024', newProduct, '9', picked.shortName, 'Atlantis'],
  ];

  await signInAs(page, 'operator');
  await page.getByRole('navigation').getByRole('link', { name: 'Danh mục', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập danh sách vào danh mục');
  await axe(page);

  // A list with a bad row: every problem, nothing staged.
  await page.getByLabel(/Tệp danh sách/).setInputFiles({
    name: 'danh-sach-loi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv(bad), 'utf8'),
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('danh-sach-loi.csv có 3 lỗi; chưa có gì được ghi.');
  await expect(problems).toContainText('3: cap: cấp “trung ương” không hợp lệ');
  await expect(problems).toContainText('3: nhom_san_pham: nhóm sản phẩm “9” không hợp lệ');
  await expect(problems).toContainText('3: tinh_thanh: không có tỉnh/thành “Atlantis”');
  await axe(page);

  // The corrected list: staged, and its review.
  await page.getByLabel(/Tệp danh sách/).setInputFiles({
    name: 'danh-sach.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv(good), 'utf8'),
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(page).toHaveURL(/\/admin\/registry\/import\/\d+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Xem lại lần nhập số \d+/);
  const merged = page.getByTestId('merged-facilities').locator(`tr[data-facility-id="${picked.facilityId}"]`);
  await expect(merged).toContainText(picked.name);
  await expect(merged).toContainText(picked.shortName);
  await expect(merged).toContainText('tên trong danh mục hiện tại');
  await expect(merged).toContainText('dòng 3');
  const changed = page
    .locator('[data-diff="facilities-changed"]')
    .locator(`tbody[data-record-id="${picked.facilityId}"]`);
  await expect(changed).toContainText('Tên');
  await expect(changed.locator('.registry-diff-before')).toContainText(picked.name);
  await expect(changed.locator('.registry-diff-after')).toContainText(picked.shortName);
  await expect(page.locator('[data-diff="products-added"]')).toContainText(newProduct);
  await expect(
    page.getByTestId('import-diff-counts').locator('tr[data-collection="certificates"] [data-count="added"]'),
  ).toHaveText('1');
  await axe(page);

  // Apply: the files are written, the history entry and "Publish now" offered.
  await page.getByRole('button', { name: 'Áp dụng vào danh mục' }).click();
  await expect(page).toHaveURL(/\?done=applied$/);
  await expect(page.getByTestId('import-notice')).toHaveText(
    'Đã áp dụng: các tệp danh mục đã được ghi và ghi vào nhật ký.',
  );
  await expect(page.getByTestId('history-link')).toHaveAttribute(
    'href',
    /^\/admin\/registry\/states\/\d+\/$/,
  );
  await expect(page.getByRole('button', { name: 'Xuất bản ngay' })).toBeVisible();
  await expect(page.getByTestId('import-history').locator('[data-action="registry.import"]')).toHaveText(
    'Áp dụng vào danh mục',
  );
  expect(readFileSync(REGISTRY[0]!, 'utf8')).toContain(picked.shortName);
  await axe(page);

  // Applying again (a second tab, a reload of the form) is refused.
  const reviewUrl = page.url().replace(/\?done=applied$/, '');
  const again = await page.request.post(reviewUrl, {
    form: { action: 'apply' },
    headers: { origin: new URL(reviewUrl).origin },
  });
  expect(again.status()).toBe(409);

  // The English pages.
  await page.goto(reviewUrl.replace('/admin/', '/en/admin/'));
  await expect(page.getByTestId('import-facts')).toContainText('Applied');
  await axe(page);
  await page.goto('/en/admin/registry/import/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a list into the registry');
  await expect(page.getByTestId('recent-imports')).toContainText('danh-sach.csv');
  await axe(page);
});
