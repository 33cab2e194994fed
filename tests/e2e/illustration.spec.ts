/**
 * Drawn pictures are labelled as illustrations wherever they are shown, and the verification
 * page does not ask anyone to compare a package with one. On the sample data every picture is
 * drawn (src/catalogue/photos.ts); which files are real is unit-tested
 * (tests/catalogue/illustrations.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { facilityPath, productPath } from '~/catalogue/urls';
import { type CatalogueExamples, catalogueExamples } from './catalogue-examples';

const examples: CatalogueExamples = catalogueExamples();

/** A certificate of the example product, read from the content files the site was built from. */
function certificateOfListed(): string {
  const contentDir = process.env.CONTENT_DIR ?? 'content';
  const certificates = JSON.parse(
    readFileSync(path.join(contentDir, 'registry/certificates.json'), 'utf8'),
  ) as { id: string; productId: string }[];
  const certificate = certificates.find((c) => c.productId === examples.listed.id);
  if (!certificate) throw new Error(`no certificate for ${examples.listed.id}`);
  return certificate.id;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a drawn product picture is labelled, in its alt text too, in both languages', async ({ page }) => {
  const { id, name } = examples.listed;
  await page.goto(productPath(id));
  const main = page.locator('.gallery-main');
  await expect(main.locator('[data-illustration-label]')).toHaveText('Ảnh minh họa');
  await expect(main.locator('[data-illustration-label]')).toBeVisible();
  await expect(main.locator('img')).toHaveAttribute('alt', `Ảnh minh họa: ${name}`);
  await expectNoAxeViolations(page);

  await page.goto(`/en${productPath(id)}`);
  await expect(page.locator('.gallery-main [data-illustration-label]')).toHaveText('Illustration');
  await expect(page.locator('.gallery-main img')).toHaveAttribute('alt', `Illustration: ${name}`);
});

test('product cards label their drawn pictures', async ({ page }) => {
  await page.goto(facilityPath(examples.listed.facilityId));
  const card = page
    .locator('.product-card')
    .filter({ has: page.locator('img') })
    .first();
  await expect(card.locator('[data-illustration-label]')).toHaveText('Ảnh minh họa');
  await expect(card.locator('[data-illustration-label]')).toBeVisible();
  // The label takes no click: a click on it still opens the card's product.
  const box = (await card.locator('[data-illustration-label]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+\/$/);
});

test('the verification page says the picture is an illustration and not to compare with it', async ({
  page,
}) => {
  const id = certificateOfListed();
  await page.goto(`/verify/${id}/`);
  const figure = page.locator('.verify-photo');
  await expect(figure.locator('[data-illustration-label]')).toHaveText('Ảnh minh họa');
  await expect(figure.locator('img')).toHaveAttribute('alt', `Ảnh minh họa: ${examples.listed.name}`);
  await expect(figure.locator('figcaption')).toContainText(
    'chỉ là ảnh minh họa, không phải ảnh chụp sản phẩm',
  );
  await expect(figure.locator('figcaption')).toContainText('số chứng nhận, tên sản phẩm và tên cơ sở');
  await expect(figure.locator('figcaption')).not.toContainText('Đối chiếu ảnh');
  await expectNoAxeViolations(page);

  await page.goto(`/en/verify/${id}/`);
  await expect(page.locator('.verify-photo figcaption')).toContainText('only an illustration');
  await expect(page.locator('.verify-photo figcaption')).not.toContainText('Check the photo');
});

test('the Open Graph image of a drawn picture carries the label', async ({ request }) => {
  const response = await request.get(`/og/products/${examples.listed.id}.jpg`);
  expect(response.status()).toBe(200);
  const { default: sharp } = await import('sharp');
  const image = await response.body();
  const pixels = async (left: number, top: number, width: number, height: number) => [
    ...(await sharp(image).extract({ left, top, width, height }).greyscale().raw().toBuffer()),
  ];
  // The label at the photo's top left (src/site/og-image.ts ogLabelSvg): white inside, a dark
  // border along its top. The drawings are never that white there, nor that dark.
  expect(Math.min(...(await pixels(30, 48, 1, 1)))).toBeGreaterThan(230);
  expect(Math.min(...(await pixels(60, 23, 140, 5)))).toBeLessThan(70);
});
