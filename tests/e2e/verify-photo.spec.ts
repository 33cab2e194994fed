/**
 * The verification page is static, with the catalogue's drawing labelled "Ảnh minh họa" and the
 * buyer sent to the number, name and facility. Once the facility uploads a photo (here through
 * the facility API, with a token from `npm run facility -- token`), the page shows that photo
 * on load, without a rebuild: no label, the uploaded alt text, "compare the photo" wording, in
 * both languages, axe-clean. The static HTML keeps the drawing (first paint and fallback), and
 * once the photo is deleted the page shows the drawing again.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { axe } from './back-office-session';
import { catalogueExamples } from './catalogue-examples';
import { lastSellable } from './sample-data';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.e2e-data';
const BUILDS_DIR = process.env.E2E_BUILDS_DIR ?? '.e2e-data/builds';

const ALT_VI = 'Chai 500 ml, nhãn đỏ';
const ALT_EN = '500 ml bottle, red label';

/** `npm run facility -- …` with its output (npmRun of back-office-session.ts discards it). */
function facilityCommand(args: string[]): string {
  return execFileSync('npx', ['tsx', 'scripts/facility.ts', ...args], {
    env: { ...process.env, DATA_DIR, BUILDS_DIR, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}

interface Target {
  productId: string;
  facilityId: string;
  certificateId: string;
}

/**
 * A listed product from the end of the sample with a certificate in force, other than the one
 * the listing journey edits (lastSellable) and the illustration journey's example.
 */
function target(): Target {
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as T;
  const avoid = new Set([lastSellable().productId, catalogueExamples().listed.id]);
  const products = new Map(
    read<{ id: string; facilityId: string }[]>('registry/products.json').map((p) => [p.id, p]),
  );
  const certificates = read<{ id: string; productId: string; revocation?: unknown }[]>(
    'registry/certificates.json',
  );
  const listings = read<{ productId: string; photos?: string[] }[]>('listings/listings.json');
  for (const { productId, photos } of [...listings].reverse()) {
    const product = products.get(productId);
    const certificate = certificates.find((c) => c.productId === productId && !c.revocation);
    // With a picture in the files: the drawing the upload replaces.
    if (avoid.has(productId) || !product || !certificate || !photos?.length) continue;
    return { productId, facilityId: product.facilityId, certificateId: certificate.id };
  }
  throw new Error('the sample has no listed product with a certificate in force');
}

/** A plain JPEG the photo rules accept (at least 200 px a side). */
const photoBytes = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 140, b: 90 } } })
    .jpeg()
    .toBuffer();

/** The live answer has been applied (the verdict script swaps the photo before saying so). */
const liveApplied = (page: Page) =>
  expect(page.locator('[data-verdict-asof]')).toContainText('Trạng thái trực tiếp lúc', { timeout: 3_000 });

/** Opens the page until the live script has swapped the photo in (other servers: within seconds). */
async function openWithPhoto(page: Page, url: string, photoId: string): Promise<void> {
  const img = page.locator('.verify-photo img');
  await expect(async () => {
    await page.goto(url);
    await expect(img).toHaveAttribute('src', new RegExp(`^/media/photos/${photoId}-\\d+\\.webp$`), {
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
}

test('the verification page shows the photo a facility uploads, without a rebuild', async ({ page }) => {
  const { productId, facilityId, certificateId } = target();
  const verifyUrl = `/verify/${certificateId}/`;
  const made = facilityCommand(['token', facilityId, '--name', 'e2e verify photo']);
  const token = /^(cnnt_fac_\S+)$/m.exec(made)?.[1];
  expect(token, made).toBeTruthy();
  const authorization = `Bearer ${token}`;

  // Before: the catalogue's drawing, labelled, and no comparing with it, live status included.
  await page.goto(verifyUrl);
  await liveApplied(page);
  const figure = page.locator('.verify-photo');
  await expect(figure.locator('[data-illustration-label]')).toHaveText('Ảnh minh họa');
  await expect(figure.locator('figcaption')).toContainText('chỉ là ảnh minh họa');

  const uploaded = await page.request.post(`/api/facility/products/${productId}/photos`, {
    headers: { authorization },
    multipart: {
      photo: { name: 'chai.jpg', mimeType: 'image/jpeg', buffer: await photoBytes() },
      alt: ALT_VI,
      altEn: ALT_EN,
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const photo = (await uploaded.json()) as { id: string; url: string; width: number; height: number };

  try {
    // The live answer carries it.
    const live = await page.request.get(`/api/verify?code=${certificateId}`);
    expect(
      ((await live.json()) as { product: { photo: { id: string } | null } }).product.photo,
    ).toMatchObject({ id: photo.id, url: photo.url });

    // Vietnamese: the photo, its alt text, no label, the real-photo wording.
    await openWithPhoto(page, verifyUrl, photo.id);
    const img = figure.locator('img');
    await expect(img).toHaveAttribute('alt', ALT_VI);
    await expect(img).toHaveAttribute('width', String(photo.width));
    await expect(img).toHaveAttribute('height', String(photo.height));
    await expect(img).toHaveAttribute('srcset', new RegExp(`/media/photos/${photo.id}-320\\.webp 320w`));
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
    await expect(figure.locator('[data-illustration-label]')).toHaveCount(0);
    await expect(figure.locator('figcaption')).toContainText(
      'Đối chiếu ảnh, tên sản phẩm và tên cơ sở với bao bì',
    );
    await expect(figure.locator('figcaption')).not.toContainText('ảnh minh họa');
    await axe(page);

    // English.
    await openWithPhoto(page, `/en${verifyUrl}`, photo.id);
    await expect(img).toHaveAttribute('alt', ALT_EN);
    await expect(figure.locator('[data-illustration-label]')).toHaveCount(0);
    await expect(figure.locator('figcaption')).toContainText(
      'Check the photo, product name and facility name',
    );
    await expect(figure.locator('figcaption')).not.toContainText('illustration');
    await axe(page);

    // The static HTML is unchanged: the drawing stays the first paint and the no-JavaScript page.
    const html = await (await page.request.get(verifyUrl)).text();
    expect(html).toContain('data-illustration-label');
    expect(html).not.toContain(`/media/photos/${photo.id}`);
  } finally {
    const deleted = await page.request.delete(`/api/facility/products/${productId}/photos/${photo.id}`, {
      headers: { authorization },
    });
    expect(deleted.status()).toBe(204);
  }

  // Deleted: the page falls back to the drawing and its wording.
  await expect(async () => {
    await page.goto(verifyUrl);
    await liveApplied(page);
    await expect(figure.locator('[data-illustration-label]')).toHaveText('Ảnh minh họa', { timeout: 3_000 });
    await expect(figure.locator('img')).not.toHaveAttribute('src', /\/media\/photos\//, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(figure.locator('figcaption')).toContainText('chỉ là ảnh minh họa');
});
