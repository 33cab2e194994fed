import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OG_HEIGHT,
  OG_WIDTH,
  type OgCard,
  ogLabelSvg,
  ogSvg,
  productOgImage,
  wrapText,
} from '~/site/og-image';

const cache = mkdtempSync(path.join(tmpdir(), 'og-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
/** The cached images, as `{productId}/{file}.jpg`. */
const cached = () =>
  readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jpg'));

const card: OgCard = {
  siteName: 'Chợ CNNT',
  name: 'Nước mắm cá cơm Phú Quốc',
  byline: 'Hợp tác xã Nước mắm Phú Quốc · An Giang',
  certification: 'Cấp quốc gia · 2023',
  tagline: 'Sản phẩm công nghiệp nông thôn tiêu biểu',
};

describe('wrapText', () => {
  it('wraps at word boundaries and ends a cut text with an ellipsis', () => {
    expect(wrapText('Nước mắm cá cơm Phú Quốc', 10, 3)).toEqual(['Nước mắm', 'cá cơm Phú', 'Quốc']);
    expect(wrapText('một hai ba bốn năm sáu bảy', 7, 2)).toEqual(['một hai', 'ba bốn…']);
    expect(wrapText('Siêu-dài-không-có-khoảng-trắng', 10, 2)).toEqual(['Siêu-dài-…']);
  });
});

describe('Open Graph image', () => {
  it('escapes text in the SVG', () => {
    expect(ogSvg({ ...card, name: 'A & B <C>' }, 640)).toContain('A &amp; B &lt;C&gt;');
  });

  it('draws a 1200×630 JPEG once, then serves it from the cache', async () => {
    const image = await productOgImage(card, 'nuoc-mam-ca-com', cache);
    const meta = await sharp(image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', OG_WIDTH, OG_HEIGHT]);
    expect(cached()).toHaveLength(1);
    expect((await productOgImage(card, 'nuoc-mam-ca-com', cache)).equals(image)).toBe(true);
    expect(cached()).toHaveLength(1);
  });

  it('keeps one image a product: a changed product’s older image is deleted, other products’ stay', async () => {
    await productOgImage(card, 'nuoc-mam-ca-com', cache);
    await productOgImage({ ...card, name: 'Nước mắm cá cơm' }, 'nuoc-mam-ca-com-dac-biet', cache);
    const renamed = await productOgImage({ ...card, name: 'Nước mắm cá cơm nhĩ' }, 'nuoc-mam-ca-com', cache);
    const files = cached();
    expect(files).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('nuoc-mam-ca-com/'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('nuoc-mam-ca-com-dac-biet/'))).toHaveLength(1);
    expect(
      (await productOgImage({ ...card, name: 'Nước mắm cá cơm nhĩ' }, 'nuoc-mam-ca-com', cache)).equals(
        renamed,
      ),
    ).toBe(true);
  });
});

describe('Open Graph image of a drawn picture', () => {
  it('lays the illustration label over the photo, and only when asked', async () => {
    const photoPath = path.join(cache, 'drawn.png');
    await sharp({ create: { width: 600, height: 450, channels: 3, background: '#3a6b35' } })
      .png()
      .toFile(photoPath);
    const plain = await productOgImage({ ...card, photoPath }, 'plain', cache);
    const labelled = await productOgImage(
      { ...card, photoPath, photoLabel: 'Ảnh minh họa' },
      'labelled',
      cache,
    );
    // The pill's white inside, just inside its left end, over the green photo.
    const at = async (image: Buffer, x: number, y: number) => {
      const { data } = await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer({
        resolveWithObject: true,
      });
      return [...data];
    };
    const [r, g, b] = await at(labelled, 30, 48);
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(230);
    const [pr, pg, pb] = await at(plain, 30, 48);
    expect(pg! - Math.max(pr!, pb!)).toBeGreaterThan(20);
    expect(ogLabelSvg('Ảnh minh họa').svg).toContain('>Ảnh minh họa</text>');
    expect(ogLabelSvg('A & B').svg).toContain('A &amp; B');
  });

  it("takes a facility's uploaded photo before the drawing, never labelled, cached by its id", async () => {
    const photoPath = path.join(cache, 'drawing.png');
    await sharp({ create: { width: 600, height: 450, channels: 3, background: '#3a6b35' } })
      .png()
      .toFile(photoPath);
    const upload = (background: string) =>
      sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .webp()
        .toBuffer();
    const red = await upload('#c0392b');
    const drawn = { ...card, photoPath, photoLabel: 'Ảnh minh họa' };
    const image = await productOgImage(
      { ...drawn, uploadedPhoto: { id: 'p1', bytes: red } },
      'uploaded',
      cache,
    );
    const pixel = async (x: number, y: number) => [
      ...(await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer()),
    ];
    // Red from the upload where the drawing's green would be, and no white label pill.
    const [r, g, b] = await pixel(30, 48);
    expect(r! - Math.max(g!, b!)).toBeGreaterThan(60);
    const [r2, g2, b2] = await pixel(300, 300);
    expect(r2! - Math.max(g2!, b2!)).toBeGreaterThan(60);
    // Another upload under another id is drawn again; the same id comes from the cache.
    const blue = await upload('#1f4e9c');
    const again = await productOgImage(
      { ...drawn, uploadedPhoto: { id: 'p1', bytes: blue } },
      'uploaded',
      cache,
    );
    expect(again.equals(image)).toBe(true);
    const other = await productOgImage(
      { ...drawn, uploadedPhoto: { id: 'p2', bytes: blue } },
      'uploaded',
      cache,
    );
    expect(other.equals(image)).toBe(false);
  });
});
