/**
 * The badge as a 300 dpi PNG (sharp renders the SVG at print resolution and records the
 * density: 40 × 64 mm → 472 × 756 px). Rendering takes tens of milliseconds, so results are kept in a small in-process
 * cache keyed by the SVG itself: a changed certificate or key gives a new entry.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { type BadgeInput, badgeSvg } from './badge-svg';

export const BADGE_DPI = 300;

const cache = new Map<string, Buffer>();
const CACHE_ENTRIES = 200;

export async function badgePng(input: BadgeInput): Promise<Buffer> {
  const svg = badgeSvg(input, 'pt');
  const key = createHash('sha256').update(svg).digest('base64url');
  const hit = cache.get(key);
  if (hit) {
    // Refresh its position: the Map's insertion order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const png = await sharp(Buffer.from(svg), { density: BADGE_DPI })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 9 })
    .withMetadata({ density: BADGE_DPI })
    .toBuffer();
  cache.set(key, png);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return png;
}
