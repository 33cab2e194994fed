/**
 * The facility portal's read-only pages in Chromium on the built site: a member invited by the
 * command signs in (facility members have no TOTP), sees their facility as the registry lists
 * it, its certificates with a badge kit each, and the products page with the listing's prices
 * in VND; English pages too. A member of another facility gets 403 for ?facility=A, and an
 * operator may open facility A. axe on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axe, npmRun, signIn, signInAs } from './back-office-session';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as T[];

interface Facility {
  id: string;
  name: string;
  provinceAsListed: string;
}

/** Facility A: one with a listed product and certificates; B: any other facility with products. */
function facilities() {
  const all = read<Facility>('registry/facilities.json');
  const products = read<{ id: string; facilityId: string; name: string }>('registry/products.json');
  const certificates = read<{ id: string; productId: string }>('registry/certificates.json');
  const listings = read<{ productId: string; variants: { sku: string; price: number }[] }>(
    'listings/listings.json',
  );
  const listed = listings.find((l) => certificates.some((c) => c.productId === l.productId))!;
  const product = products.find((p) => p.id === listed.productId)!;
  const a = all.find((f) => f.id === product.facilityId)!;
  const b = all.find((f) => f.id !== a.id && products.some((p) => p.facilityId === f.id))!;
  const ofA = new Set(products.filter((p) => p.facilityId === a.id).map((p) => p.id));
  return {
    a,
    b,
    product,
    variant: listed.variants[0]!,
    certificateCount: certificates.filter((c) => ofA.has(c.productId)).length,
  };
}

const vnd = (amount: number) =>
  new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );

test('a facility member sees their facility, certificates, badge kits and listings; not another facility', async ({
  page,
  browser,
}) => {
  const { a, b, product, variant, certificateCount } = facilities();
  const email = `co-so-${Date.now()}@example.vn`;
  npmRun('facility', ['invite', a.id, email]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\/sessions\/$/);

  // The overview: registry details, read-only note, one badge kit per certificate.
  // Sign-in lands facility members on their sessions page; the portal is at /facility/.
  await page.goto('/facility/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.name);
  await expect(page.getByTestId('facility-details')).toContainText(a.provinceAsListed);
  await expect(page.getByRole('main')).toContainText('do người vận hành quản lý');
  const kits = page.getByRole('link', { name: /^Bộ tem của chứng nhận / });
  await expect(kits).toHaveCount(certificateCount);
  // The member has one facility: no switcher to show.
  await expect(page.getByTestId('facility-switcher')).toHaveCount(0);
  await axe(page);
  await kits.first().click();
  await expect(page).toHaveURL(/\/verify\/[^/]+\/badge\/$/);
  await page.goBack();

  // The products page: the listing's variants and retail price in VND, links to edit them.
  await page.getByRole('navigation', { name: 'Cổng cơ sở' }).getByRole('link', { name: 'Sản phẩm' }).click();
  await expect(page).toHaveURL(/\/facility\/products\/$/);
  const row = page.locator(`tr[data-sku="${variant.sku}"]`);
  await expect(row.locator('[data-price]')).toHaveText(vnd(variant.price));
  await expect(page.locator(`[data-product-id="${product.id}"]`)).toBeVisible();
  await expect(page.getByTestId('editing-intro')).toBeVisible();
  await expect(page.locator(`a[href^="/facility/products/${product.id}/"]`).first()).toBeVisible();
  await axe(page);

  // English.
  await page.goto('/en/facility/products/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Products and listings');
  await page.goto('/en/facility/');
  await expect(page.getByRole('heading', { name: 'As the registry lists it' })).toBeVisible();
  await axe(page);

  // Another facility's pages are refused, in the person's language.
  const refused = await page.goto(`/facility/?facility=${b.id}`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByTestId('portal-refusal')).toContainText(
    `Bạn không phải thành viên của cơ sở “${b.id}”`,
  );
  await axe(page);
  expect((await page.goto(`/en/facility/products/?facility=${b.id}`))?.status()).toBe(403);

  // A member of B gets 403 for A, and sees B.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherEmail = `co-so-b-${Date.now()}@example.vn`;
  npmRun('facility', ['invite', b.id, otherEmail]);
  await signIn(otherPage, otherEmail);
  await expect(otherPage).toHaveURL(/\/account\/sessions\/$/);
  expect((await otherPage.goto(`/facility/?facility=${a.id}`))?.status()).toBe(403);
  expect((await otherPage.goto(`/facility/products/?facility=${a.id}`))?.status()).toBe(403);
  await otherPage.goto('/facility/');
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(b.name);
  await other.close();

  // An operator may open facility A.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signInAs(staffPage, 'operator');
  const opened = await staffPage.goto(`/facility/?facility=${a.id}`);
  expect(opened?.status()).toBe(200);
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(a.name);
  await axe(staffPage);
  await staff.close();
});

test('a signed-out visitor of the portal is sent to sign in', async ({ page }) => {
  await page.goto('/facility/products/');
  await expect(page).toHaveURL(/\/account\/\?next=%2Ffacility%2Fproducts%2F/);
});
