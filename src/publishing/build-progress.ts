/**
 * Turns `npm run build`'s output (one line per page and per image: 25,000 lines for the sample
 * catalogue) into a short progress line: phase lines pass through, page and image lines are
 * counted. Pure.
 */
export interface BuildProgress {
  pages: number;
  images: number;
  imagesTotal: number | null;
  phase: string;
}

const IMAGE = /▶ .*\((\d+)\/(\d+)\)\s*$/;
const PAGE = /(├─|└─) \//;

export function newBuildProgress(): BuildProgress {
  return { pages: 0, images: 0, imagesTotal: null, phase: 'starting' };
}

/** Reads one output line; returns the line to show as is (a phase), or null for a counted one. */
export function readBuildLine(progress: BuildProgress, raw: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what is removed
  const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
  const image = IMAGE.exec(line);
  if (image) {
    progress.images = Number(image[1]);
    progress.imagesTotal = Number(image[2]);
    progress.phase = 'images';
    return null;
  }
  if (PAGE.test(line)) {
    progress.pages += 1;
    progress.phase = 'pages';
    return null;
  }
  const text = line.replace(/^\d\d:\d\d:\d\d\s+/, '').trim();
  if (!text || text.startsWith('▶')) return null;
  if (/generating static routes/i.test(text)) progress.phase = 'pages';
  else if (/generating optimized images/i.test(text)) progress.phase = 'images';
  else if (/prepare-build|photos/i.test(text)) progress.phase = 'photos';
  else if (/building server|vite|bundl/i.test(text)) progress.phase = 'bundling';
  return text;
}

export function describeProgress(p: BuildProgress, locale: 'vi' | 'en' = 'en'): string {
  const n = (v: number) => v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  const images = p.imagesTotal ? `${n(p.images)}/${n(p.imagesTotal)}` : n(p.images);
  return locale === 'vi'
    ? `đang dựng (${p.phase}): ${n(p.pages)} trang, ${images} ảnh`
    : `building (${p.phase}): ${n(p.pages)} pages, ${images} images`;
}
