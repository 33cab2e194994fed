/**
 * The static catalogue end to end in Chromium: home → a group → a product → its facility →
 * English and back; structured data on a product page; a product without a listing; axe on
 * the five kinds of catalogue page in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { GROUP_NAMES, type ProductGroup } from '~/catalogue/programme';
import { productPath } from '~/catalogue/urls';
import { localePath } from '~/i18n/locales';
import { type CatalogueExamples, catalogueExamples } from './catalogue-examples';

const examples: CatalogueExamples = catalogueExamples();

test('home → a group → a product → its facility → English and back', async ({ page }) => {
  const group = examples.listed.group as ProductGroup;
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.locator('#browse-group + .tiles').getByRole('link', { name: GROUP_NAMES[group].vi }).click();
  await expect(page).toHaveURL(`/products/group/${group}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP_NAMES[group].vi);

  const productLink = page.locator('.product-card-name a').first();
  const productName = (await productLink.textContent())!;
  await productLink.click();
  await expect(page).toHaveURL(/^.*\/products\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(productName);
  const productUrl = new URL(page.url()).pathname;

  const facilityLink = page.locator('.product-summary').getByRole('link').first();
  const facilityName = (await facilityLink.textContent())!;
  await facilityLink.click();
  await expect(page).toHaveURL(/\/facilities\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(facilityName);
  await expect(page.locator(`a[href="${productUrl}"]`).first()).toBeVisible();
  const facilityUrl = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(`/en${facilityUrl}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: /^Certified products/ })).toBeVisible();

  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page).toHaveURL(facilityUrl);
  await expect(page.getByRole('heading', { name: /^Sản phẩm được công nhận/ })).toBeVisible();
});

test('a product page carries Product JSON-LD naming its certificates, with VND offers and breadcrumbs', async ({
  page,
}) => {
  const { listed } = examples;
  await page.goto(productPath(listed.id));
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
  const product = data.find((d) => d['@type'] === 'Product')!;
  expect(product.name).toBe(listed.name);
  const certifications = product.hasCertification as {
    '@type': string;
    name: string;
    certificationStatus: string;
  }[];
  expect(certifications.length).toBeGreaterThan(0);
  expect(certifications[0]!['@type']).toBe('Certification');
  expect(certifications[0]!.name).toMatch(
    /^Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm \d{4}$/,
  );
  expect(certifications[0]!.certificationStatus).toBe('https://schema.org/CertificationActive');
  const offers = product.offers as { price: number; priceCurrency: string }[];
  expect(offers.every((o) => o.priceCurrency === 'VND' && Number.isInteger(o.price))).toBe(true);
  const breadcrumbs = data.find((d) => d['@type'] === 'BreadcrumbList') as {
    itemListElement: { name: string }[];
  };
  expect(breadcrumbs.itemListElement.at(-1)!.name).toBe(listed.name);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new RegExp(`/og/products/${listed.id}\\.jpg$`),
  );
  // Drawn on first request, then served from the disk cache: both answers are the same JPEG.
  for (let attempt = 0; attempt < 2; attempt++) {
    const og = await page.request.get(`/og/products/${listed.id}.jpg`);
    expect(og.status()).toBe(200);
    expect(og.headers()['content-type']).toBe('image/jpeg');
    const { width, height, format } = await sharp(await og.body()).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'jpeg' });
  }
  expect((await page.request.get('/og/products/khong-co-san-pham-nay.jpg')).status()).toBe(404);
});

test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
  const response = await page.goto('/products/khong-co-san-pham-nay/');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('custom elements holding blocks on a product page are boxes, not inline fragments', async ({ page }) => {
  await page.goto(productPath(examples.listed.id));
  // An inline element around block children draws its border and background in broken pieces.
  const inlineHolders = await page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('*')]
      .filter((el) => el.tagName.includes('-') && getComputedStyle(el).display === 'inline')
      .filter((el) => [...el.children].some((child) => getComputedStyle(child).display !== 'inline'))
      .map((el) => el.tagName.toLowerCase()),
  );
  expect(inlineHolders).toEqual([]);
  await expect(page.locator('buy-box')).toBeVisible();
});

test('a product photo is WebP at two widths with explicit sizes, loaded at once', async ({ page }) => {
  await page.goto(productPath(examples.listed.id));
  const img = page.locator('.gallery-main img');
  const candidates = (await img.getAttribute('srcset'))!
    .split(', ')
    .map((c) => c.split(' ') as [string, string]);
  expect(candidates.map(([, w]) => w)).toEqual(['320w', '600w']);
  await expect(img).toHaveAttribute('sizes', /100vw|rem/);
  await expect(img).toHaveAttribute('width', '600');
  await expect(img).toHaveAttribute('height', '450');
  await expect(img).toHaveAttribute('loading', 'eager');
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  for (const [url, w] of candidates) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    const meta = await sharp(await response.body()).metadata();
    expect([meta.format, `${meta.width}w`]).toEqual(['webp', w]);
  }
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
    .toBeGreaterThan(0);
});

test('a product without a listing says it is not sold online and shows the facility', async ({ page }) => {
  const { unlisted } = examples;
  await page.goto(productPath(unlisted.id));
  await expect(page.getByRole('heading', { name: 'Không bán trực tuyến — liên hệ cơ sở' })).toBeVisible();
  await page.goto(localePath('en', productPath(unlisted.id)));
  await expect(page.getByRole('heading', { name: 'Not sold online — contact the facility' })).toBeVisible();
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (t) => JSON.parse(t) as Record<string, unknown>,
  );
  expect(data.find((d) => d['@type'] === 'Product')!.offers).toBeUndefined();
});

test('the facility directory filters by province, group and level without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/facilities/');
  const all = Number(
    (await page.getByRole('main').getByRole('status').first().textContent())!.replace(/\D/g, ''),
  );
  await page.getByLabel('Cấp công nhận').selectOption('national');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/\/facilities\/\?.*level=national/);
  const national = Number(
    (await page.getByRole('main').getByRole('status').first().textContent())!.replace(/\D/g, ''),
  );
  expect(national).toBeGreaterThan(0);
  expect(national).toBeLessThan(all);
  await expect(page.locator('.facility-card').first().locator('.level-national')).toBeVisible();
  await page.goto('/facilities/?level=planet');
  await expect(page.getByText('Bộ lọc không hợp lệ (Cấp công nhận), đã bỏ qua.')).toBeVisible();
  await context.close();
});

for (const locale of ['vi', 'en'] as const) {
  test(`axe finds no violations on the catalogue pages (${locale})`, async ({ page }) => {
    for (const { name, path } of examples.pages) {
      await page.goto(localePath(locale, path));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
      );
      expect(summary, `${localePath(locale, path)}`).toEqual([]);
    }
  });
}
