/**
 * Open Graph images of products (1200×630 JPEG): the product photo on the left, name, facility,
 * province and certification on the brand colour on the right; a drawn picture carries the
 * illustration label, as on the pages. Drawn with sharp from an SVG;
 * text uses the system's Noto Sans / DejaVu Sans (full Vietnamese coverage). Each image is
 * cached on disk in the product's own folder, named by a hash of everything drawn: it is drawn
 * once, when first asked for, and a redrawn product's older image is deleted, so the cache
 * holds at most one image a product.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const PHOTO_WIDTH = 560;
const BRAND = '#8a1c1c';
const PAD = 56;
/** Bump when the drawing changes, so cached images are redrawn. */
const TEMPLATE_VERSION = 1;

export interface OgCard {
  siteName: string;
  name: string;
  /** "Công ty TNHH Gốm Minh Long · Vĩnh Long" */
  byline: string;
  /** "Cấp quốc gia · 2023"; absent for a product without a certificate. */
  certification?: string;
  tagline: string;
  photoPath?: string;
  /** A photo the facility uploaded (its id names it in the cache key): taken before photoPath. */
  uploadedPhoto?: { id: string; bytes: Buffer };
  /** Drawn over the photo's top left when the photo is a drawing: "Ảnh minh họa". */
  photoLabel?: string;
}

/** Splits text into at most `maxLines` lines of about `maxChars`, ending with "…" when cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      // Room for the ellipsis: drop the last word rather than cut one in half.
      const last = lines[maxLines - 1]!;
      const fits =
        last.length < maxChars ? last : last.slice(0, last.lastIndexOf(' ')) || last.slice(0, maxChars - 1);
      lines[maxLines - 1] = `${fits}…`;
      return lines;
    }
  }
  if (line) lines.push(line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line);
  return lines;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = "font-family=\"'Noto Sans', 'DejaVu Sans', sans-serif\"";

/** The illustration label as an SVG to lay over the photo: dark words on a white pill. */
export function ogLabelSvg(label: string): { svg: string; width: number; height: number } {
  const height = 48;
  const width = Math.min(PHOTO_WIDTH - 48, 36 + Math.ceil(label.length * 14.5));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect x="1" y="1" rx="23" width="${width - 2}" height="${height - 2}" fill="#ffffff" stroke="#1d1d1f" stroke-width="2"/>
<text x="18" y="32" font-size="24" font-weight="700" fill="#1d1d1f" ${FONT}>${escapeXml(label)}</text>
</svg>`;
  return { svg, width, height };
}

/** The text panel as an SVG `width` × OG_HEIGHT (widths per character measured on Noto Sans). */
export function ogSvg(card: OgCard, width: number): string {
  const nameLines = wrapText(card.name, Math.floor((width - 2 * PAD) / 30), 3);
  const bylineLines = wrapText(card.byline, Math.floor((width - 2 * PAD) / 15.5), 2);
  let y = 150;
  const name = nameLines.map((l) => {
    const t = `<text x="${PAD}" y="${y}" font-size="54" font-weight="700" fill="#ffffff" ${FONT}>${escapeXml(l)}</text>`;
    y += 66;
    return t;
  });
  y += 8;
  const byline = bylineLines.map((l) => {
    const t = `<text x="${PAD}" y="${y}" font-size="28" fill="#f6e7d0" ${FONT}>${escapeXml(l)}</text>`;
    y += 38;
    return t;
  });
  const badge = card.certification
    ? `<rect x="${PAD}" y="${OG_HEIGHT - 150}" rx="28" width="${Math.min(width - 2 * PAD, 36 + card.certification.length * 16)}" height="56" fill="#b8860b"/>` +
      `<text x="${PAD + 18}" y="${OG_HEIGHT - 112}" font-size="28" font-weight="700" fill="#1d1d1f" ${FONT}>${escapeXml(card.certification)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${OG_HEIGHT}">
<rect x="0" y="0" width="${width}" height="${OG_HEIGHT}" fill="${BRAND}"/>
<text x="${PAD}" y="70" font-size="30" font-weight="700" fill="#f6e7d0" ${FONT}>${escapeXml(card.siteName)}</text>
${name.join('\n')}
${byline.join('\n')}
${badge}
<text x="${PAD}" y="${OG_HEIGHT - 40}" font-size="22" fill="#f6e7d0" ${FONT}>${escapeXml(card.tagline)}</text>
</svg>`;
}

async function draw(card: OgCard): Promise<Buffer> {
  const source = card.uploadedPhoto?.bytes ?? card.photoPath;
  const textWidth = source ? OG_WIDTH - PHOTO_WIDTH : OG_WIDTH;
  const text = { input: Buffer.from(ogSvg(card, textWidth)), left: OG_WIDTH - textWidth, top: 0 };
  // An uploaded photo is a real one: never labelled as a drawing.
  const label = source && !card.uploadedPhoto && card.photoLabel ? ogLabelSvg(card.photoLabel) : undefined;
  const layers = label ? [text, { input: Buffer.from(label.svg), left: 24, top: 24 }] : [text];
  // One libvips pipeline: decode, crop, widen, draw the text, encode (no intermediate encodes).
  const base = source
    ? sharp(source)
        .resize(PHOTO_WIDTH, OG_HEIGHT, { fit: 'cover' })
        .extend({ right: textWidth, background: BRAND })
    : sharp({ create: { width: OG_WIDTH, height: OG_HEIGHT, channels: 3, background: BRAND } });
  return base.composite(layers).jpeg({ quality: 78 }).toBuffer();
}

/** The image for `card` of product `productId`, from the cache when the same card (and photo file) was drawn before. */
export async function productOgImage(card: OgCard, productId: string, cacheDir: string): Promise<Buffer> {
  const photo = card.photoPath && !card.uploadedPhoto ? await stat(card.photoPath) : undefined;
  // The uploaded photo by its id (its bytes never change under one id), not its bytes.
  const { uploadedPhoto, ...described } = card;
  const key = createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, described, uploadedPhoto?.id, photo?.size, photo?.mtimeMs]))
    .digest('hex')
    .slice(0, 32);
  const dir = path.join(cacheDir, productId);
  const name = `${key}.jpg`;
  const file = path.join(dir, name);
  try {
    return await readFile(file);
  } catch {
    const image = await draw(card);
    await mkdir(dir, { recursive: true });
    // A name of its own, so two requests drawing the same card never write one temporary file.
    const tmp = `${file}.${randomUUID()}.tmp`;
    await writeFile(tmp, image);
    await rename(tmp, file);
    const older = (await readdir(dir)).filter((entry) => entry.endsWith('.jpg') && entry !== name);
    await Promise.all(older.map((entry) => rm(path.join(dir, entry), { force: true })));
    return image;
  }
}
