/**
 * Placeholder photos for the catalogue: every photo path a facility, product or listing refers to
 * that does not exist yet is drawn as a small WebP from a deterministic SVG (a gradient, soft
 * shapes and a simple motif for the kind of product, all derived from the photo's id and group),
 * so a fresh clone builds without committed binaries and an unchanged rebuild does nothing.
 * Every drawing carries the illustration mark (./illustration-mark.ts), so pages label it as an
 * illustration and never present it as a photo of the product.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { foldForMatch } from '~/text/vietnamese';
import type { CatalogueData } from './catalogue';
import { CONTENT_FILES } from './content-files';
import { hasIllustrationMark, ILLUSTRATION_DESCRIPTION, ILLUSTRATION_MAX_BYTES } from './illustration-mark';
import { hashString, mulberry32 } from './prng';
import type { ProductGroup } from './programme';

export const PHOTO_WIDTH = 600;
export const PHOTO_HEIGHT = 450;

export interface PhotoJob {
  /** Absolute path of the file to create. */
  file: string;
  /** Seed text: the photo path as listed (so the second photo of a listing differs). */
  key: string;
  group: ProductGroup;
  /** Name of what is shown, to choose the motif. */
  name: string;
}

/** Every photo the catalogue refers to, once each, in a stable order. */
export function photoJobs(dir: string, data: CatalogueData): PhotoJob[] {
  const base = (name: keyof typeof CONTENT_FILES) => path.dirname(path.join(dir, CONTENT_FILES[name]));
  const productById = new Map(data.products.map((p) => [p.id, p]));
  const jobs = new Map<string, PhotoJob>();
  const add = (folder: string, photo: string, group: ProductGroup, name: string) => {
    const file = path.resolve(folder, photo);
    if (!jobs.has(file)) jobs.set(file, { file, key: photo, group, name });
  };
  const groupsOf = new Map<string, Map<ProductGroup, number>>();
  for (const p of data.products) {
    const m = groupsOf.get(p.facilityId) ?? new Map<ProductGroup, number>();
    m.set(p.group, (m.get(p.group) ?? 0) + 1);
    groupsOf.set(p.facilityId, m);
  }
  for (const f of data.facilities) {
    const counts = [...(groupsOf.get(f.id) ?? new Map<ProductGroup, number>()).entries()].sort(
      (a, b) => b[1] - a[1],
    );
    for (const photo of f.photos) add(base('facilities'), photo, counts[0]?.[0] ?? 'other', f.name);
  }
  for (const p of data.products) for (const photo of p.photos) add(base('products'), photo, p.group, p.name);
  for (const l of data.listings) {
    const product = productById.get(l.productId);
    for (const photo of l.photos)
      add(base('listings'), photo, product?.group ?? 'other', product?.name ?? l.id);
  }
  return [...jobs.values()];
}

/** Numbers in [0, 1) seeded by the text, so the same photo key always draws the same picture. */
function randomFrom(text: string): () => number {
  return mulberry32(hashString(text));
}

/** Hue ranges per group: earthy for crafts, greens and ambers for food, steel for machinery. */
const HUES: Record<ProductGroup, [number, number][]> = {
  handicraft: [
    [8, 38],
    [190, 215],
  ],
  food: [
    [30, 55],
    [85, 140],
  ],
  machinery: [
    [195, 230],
    [0, 12],
  ],
  other: [
    [260, 330],
    [150, 175],
  ],
};

type Motif =
  | 'bottle'
  | 'leaf'
  | 'bean'
  | 'vase'
  | 'weave'
  | 'cloth'
  | 'hat'
  | 'gear'
  | 'blade'
  | 'box'
  | 'grains'
  | 'fish'
  | 'sticks'
  | 'lantern'
  | 'lotus';

const MOTIF_WORDS: [RegExp, Motif][] = [
  [/\b(nuoc mam|mat ong|ruou|dau lac|dau me|dau dua|tinh dau|nuoc cot|dau goi|nuoc rua)\b/, 'bottle'],
  [/\b(che|tra|atiso|thao duoc|duoc lieu|sam)\b/, 'leaf'],
  [/\b(ca phe|tieu|hat dieu|hat de|lac|hat sen)\b/, 'bean'],
  [/\b(den long|den)\b/, 'lantern'],
  [/\b(gao|mien|bun|bot|muoi|ot|banh da nem)\b/, 'grains'],
  [/\b(muc|ca com|tom|cha)\b/, 'fish'],
  [/\b(banh|keo|me xung|com|mut)\b/, 'box'],
  [/\b(huong|nhang)\b/, 'sticks'],
  [/\b(gom|lo luc binh|su)\b/, 'vase'],
  [/\b(may|tre|coi|luc binh|chieu|gio|lang)\b/, 'weave'],
  [/\b(lua|tho cam|theu|khan|vai)\b/, 'cloth'],
  [/\bnon\b/, 'hat'],
  [/\b(dao|nong cu|keo|cuoc)\b/, 'blade'],
  [/\b(go|son mai|khay|hop)\b/, 'box'],
];

const GROUP_MOTIF: Record<ProductGroup, Motif> = {
  handicraft: 'vase',
  food: 'box',
  machinery: 'gear',
  other: 'lotus',
};

export function motifFor(name: string, group: ProductGroup): Motif {
  const folded = foldForMatch(name);
  // "Máy …" is a machine, not rattan (mây folds to the same letters): trust the group first.
  if (group === 'machinery') return /\b(dao|nong cu|keo|cuoc)\b/.test(folded) ? 'blade' : 'gear';
  for (const [pattern, motif] of MOTIF_WORDS) if (motif !== 'gear' && pattern.test(folded)) return motif;
  return GROUP_MOTIF[group];
}

const f1 = (n: number) => n.toFixed(1);

function motifSvg(motif: Motif, colour: string, accent: string, rnd: () => number): string {
  const cx = 300 + (rnd() - 0.5) * 60;
  const cy = 235 + (rnd() - 0.5) * 30;
  const s = 0.9 + rnd() * 0.3;
  const g = (body: string) =>
    `<g transform="translate(${f1(cx)} ${f1(cy)}) scale(${f1(s)})" fill="${colour}" stroke="${accent}" stroke-width="4" stroke-linejoin="round">${body}</g>`;
  switch (motif) {
    case 'bottle':
      return g(
        `<path d="M-22 -150 h44 v40 c0 20 46 30 46 80 v150 q0 20 -20 20 h-96 q-20 0 -20 -20 v-150 c0 -50 46 -60 46 -80z"/><rect x="-52" y="-10" width="104" height="70" rx="8" fill="${accent}" opacity="0.55"/>`,
      );
    case 'leaf':
      return g(
        `<path d="M0 140 C-120 60 -110 -90 0 -150 C110 -90 120 60 0 140z"/><path d="M0 140 V-130 M0 40 L-55 -10 M0 0 L55 -50 M0 -50 L-45 -90" fill="none"/>`,
      );
    case 'bean':
      return g(
        `<ellipse cx="-45" cy="0" rx="60" ry="90" transform="rotate(-20 -45 0)"/><ellipse cx="55" cy="10" rx="60" ry="90" transform="rotate(25 55 10)"/><path d="M-60 -80 q30 80 -10 160 M40 -70 q30 80 -10 160" fill="none"/>`,
      );
    case 'vase':
      return g(
        `<path d="M-40 -150 h80 v20 c0 20 -30 30 -30 60 c0 20 100 50 100 140 c0 50 -40 70 -70 70 h-80 c-30 0 -70 -20 -70 -70 c0 -90 100 -120 100 -140 c0 -30 -30 -40 -30 -60z"/><path d="M-85 40 q85 -40 170 0 M-80 90 q80 -30 160 0" fill="none"/>`,
      );
    case 'weave': {
      let lines = '';
      for (let i = -120; i <= 120; i += 30)
        lines += `<path d="M${i} -100 q15 100 0 200" fill="none"/><path d="M-130 ${i * 0.8} q130 15 260 0" fill="none"/>`;
      return g(`<path d="M-150 -100 h300 l-30 220 h-240z"/>${lines}`);
    }
    case 'cloth':
      return g(
        `<path d="M-170 -90 q60 -40 120 0 t120 0 t100 -10 v190 q-60 -40 -120 0 t-120 0 t-100 10z"/><path d="M-150 -30 q60 -30 120 0 t120 0 t80 -10 M-150 30 q60 -30 120 0 t120 0 t80 -10" fill="none"/>`,
      );
    case 'hat':
      return g(
        `<path d="M0 -140 L190 80 q-190 60 -380 0z"/><path d="M0 -140 L-60 95 M0 -140 L60 95 M0 -140 L-130 85 M0 -140 L130 85" fill="none"/>`,
      );
    case 'gear': {
      let teeth = '';
      for (let i = 0; i < 10; i++)
        teeth += `<rect x="-18" y="-150" width="36" height="40" rx="4" transform="rotate(${i * 36})"/>`;
      return g(`${teeth}<circle r="120"/><circle r="45" fill="${accent}" opacity="0.6"/>`);
    }
    case 'blade':
      return g(
        `<path d="M-160 40 L120 -60 q40 -10 50 20 L-120 90 z"/><rect x="-210" y="30" width="80" height="44" rx="10" fill="${accent}" transform="rotate(-18 -170 52)"/>`,
      );
    case 'box':
      return g(
        `<rect x="-140" y="-70" width="280" height="180" rx="10"/><path d="M-140 -70 l40 -50 h200 l40 50" /><path d="M0 -120 v230 M-140 20 h280" fill="none"/>`,
      );
    case 'grains': {
      let dots = '';
      for (let i = 0; i < 26; i++) {
        const a = rnd() * Math.PI * 2;
        const r = Math.sqrt(rnd()) * 120;
        dots += `<ellipse cx="${f1(Math.cos(a) * r)}" cy="${f1(Math.sin(a) * r * 0.7)}" rx="14" ry="8" transform="rotate(${Math.floor(rnd() * 180)} ${f1(Math.cos(a) * r)} ${f1(Math.sin(a) * r * 0.7)})"/>`;
      }
      return g(
        `<path d="M-170 80 q170 90 340 0 v30 q-170 70 -340 0z" fill="${accent}" opacity="0.5"/>${dots}`,
      );
    }
    case 'fish':
      return g(
        `<path d="M-150 0 q110 -110 240 0 q-130 110 -240 0z"/><path d="M90 0 l80 -60 v120z"/><circle cx="-100" cy="-10" r="10" fill="${accent}"/>`,
      );
    case 'sticks': {
      let sticks = '';
      for (let i = -4; i <= 4; i++)
        sticks += `<path d="M${i * 16} 130 L${i * 26} -130" fill="none" stroke-width="7"/>`;
      return g(`<rect x="-110" y="70" width="220" height="80" rx="12"/>${sticks}`);
    }
    case 'lantern':
      return g(
        `<path d="M0 -170 v30" fill="none"/><ellipse cx="0" cy="0" rx="110" ry="140"/><path d="M-55 -130 q-40 130 0 260 M55 -130 q40 130 0 260 M0 -140 v280" fill="none"/><rect x="-40" y="-155" width="80" height="22" rx="4"/><rect x="-40" y="133" width="80" height="22" rx="4"/>`,
      );
    case 'lotus': {
      let petals = '';
      for (let i = -2; i <= 2; i++)
        petals += `<path d="M0 100 C-60 20 -40 -80 0 -130 C40 -80 60 20 0 100z" transform="rotate(${i * 32} 0 100)"/>`;
      return g(petals);
    }
  }
}

/** The SVG drawing for a photo: same job, same picture. */
export function photoSvg(job: Pick<PhotoJob, 'key' | 'group' | 'name'>): string {
  const rnd = randomFrom(`${job.group}|${job.key}`);
  const ranges = HUES[job.group];
  const [lo, hi] = ranges[Math.floor(rnd() * ranges.length)]!;
  const hue = lo + rnd() * (hi - lo);
  const hue2 = (hue + 20 + rnd() * 40) % 360;
  const angle = Math.floor(rnd() * 360);
  const light = 78 + rnd() * 12;
  const bg1 = `hsl(${f1(hue)},${f1(35 + rnd() * 35)}%,${f1(light)}%)`;
  const bg2 = `hsl(${f1(hue2)},${f1(30 + rnd() * 40)}%,${f1(light - 22 - rnd() * 15)}%)`;
  const main = `hsl(${f1(hue)},${f1(45 + rnd() * 30)}%,${f1(38 + rnd() * 18)}%)`;
  const accent = `hsl(${f1((hue + 180) % 360)},${f1(30 + rnd() * 30)}%,${f1(85 + rnd() * 10)}%)`;
  let shapes = '';
  const count = 5 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) {
    shapes += `<circle cx="${f1(rnd() * PHOTO_WIDTH)}" cy="${f1(rnd() * PHOTO_HEIGHT)}" r="${f1(30 + rnd() * 140)}" fill="#fff" opacity="${f1(0.05 + rnd() * 0.15)}"/>`;
  }
  const motif = motifFor(job.name, job.group);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" viewBox="0 0 ${PHOTO_WIDTH} ${PHOTO_HEIGHT}">` +
    `<defs><linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>` +
    `<rect width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}" fill="url(#bg)"/>${shapes}` +
    `<ellipse cx="300" cy="395" rx="210" ry="26" fill="#000" opacity="0.12"/>` +
    motifSvg(motif, main, accent, rnd) +
    `</svg>`
  );
}

/** The drawing as WebP; `marked: false` gives the bytes drawn before drawings carried the mark. */
export function drawPhoto(job: Pick<PhotoJob, 'key' | 'group' | 'name'>, marked = true): sharp.Sharp {
  const image = sharp(Buffer.from(photoSvg(job))).webp({ quality: 70, effort: 2 });
  return marked ? image.withExif({ IFD0: { ImageDescription: ILLUSTRATION_DESCRIPTION } }) : image;
}

/** Draws one photo to its file (written beside it first, then renamed into place). */
export async function renderPhoto(job: PhotoJob): Promise<void> {
  await mkdir(path.dirname(job.file), { recursive: true });
  const tmp = `${job.file}.${process.pid}.tmp`;
  await drawPhoto(job).toFile(tmp);
  await rename(tmp, job.file);
}

/**
 * A file drawn before drawings were marked: no mark, and exactly the bytes the unmarked drawing
 * of this job gives (the drawing is deterministic). A real photo is never mistaken for one, and
 * only a small 600×450 WebP without the mark is drawn again to compare.
 */
async function isUnmarkedDrawing(job: PhotoJob): Promise<boolean> {
  const { size } = await stat(job.file);
  if (size > ILLUSTRATION_MAX_BYTES) return false;
  const bytes = await readFile(job.file);
  if (hasIllustrationMark(bytes)) return false;
  const meta = await sharp(bytes).metadata();
  if (meta.format !== 'webp' || meta.width !== PHOTO_WIDTH || meta.height !== PHOTO_HEIGHT) return false;
  return (await drawPhoto(job, false).toBuffer()).equals(bytes);
}

export interface EnsurePhotosResult {
  total: number;
  created: number;
  existing: number;
  /** Drawings from before the illustration mark, drawn again with it (counted in `existing`). */
  marked: number;
  bytes: number;
}

/**
 * Creates every referenced photo that does not exist yet, a few at a time, and marks drawings
 * made before the illustration mark existed (once: a marked or real file is left alone).
 */
export async function ensurePhotos(
  dir: string,
  data: CatalogueData,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EnsurePhotosResult> {
  const jobs = photoJobs(dir, data);
  const missing: PhotoJob[] = [];
  const present: PhotoJob[] = [];
  for (const job of jobs) (existsSync(job.file) ? present : missing).push(job);
  const result: EnsurePhotosResult = {
    total: jobs.length,
    created: 0,
    existing: jobs.length - missing.length,
    marked: 0,
    bytes: 0,
  };
  const concurrency = Math.max(1, options.concurrency ?? 8);
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const job = missing[next++]!;
      await renderPhoto(job);
      result.created += 1;
      result.bytes += (await stat(job.file)).size;
      options.onProgress?.(result.created, missing.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
  let nextPresent = 0;
  const marker = async () => {
    while (nextPresent < present.length) {
      const job = present[nextPresent++]!;
      if (!(await isUnmarkedDrawing(job))) continue;
      await renderPhoto(job);
      result.marked += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, present.length) }, marker));
  return result;
}
