/**
 * Encodes, while pages are still rendering, the photos a cold build will need.
 *
 * Astro renders every page on one thread and only afterwards encodes the images those pages
 * asked for. On a 2-core machine one core therefore idles through the whole page phase (two
 * minutes at 12,000 products) before both spend minutes encoding. Each transform that Astro's
 * image cache does not hold yet is queued here as the first page asking for it renders, and
 * encoded one at a time beside the rendering; the image service (./image-service.ts) takes the
 * result when Astro asks for it. Astro's first request means the pages are done: what has not
 * started by then is dropped, and Astro encodes it with all its workers as it would have.
 * An unchanged rebuild finds everything cached and queues nothing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { encodePhoto, type PhotoEncoding } from './photo-encoding';

export interface PrefetchJob {
  /** The original's URL as Astro names it (the `src` of its ImageMetadata). */
  src: string;
  /** The original on disk. */
  file: string;
  encoding: PhotoEncoding;
  /** Where Astro's cache would hold this transform: nothing is encoded if it is there. */
  cacheFile: string;
}

/** Queued in the order pages asked, which is the order Astro will encode in. */
const waiting = new Map<string, PrefetchJob>();
const started = new Map<string, Promise<Buffer>>();
let busy = false;

function prefetchKey(src: string, { width, format, quality }: PhotoEncoding): string {
  return `${src}|${width}|${format}|${quality}`;
}

function startNext(): void {
  const next = waiting.entries().next();
  busy = !next.done;
  if (next.done) return;
  const [key, job] = next.value;
  waiting.delete(key);
  const encoded = readFile(job.file).then((input) => encodePhoto(input, job.encoding));
  started.set(key, encoded);
  // A failed early encode is not an error yet: the image service encodes again and reports it.
  encoded.then(startNext, startNext);
}

export function prefetchPhoto(job: PrefetchJob): void {
  const key = prefetchKey(job.src, job.encoding);
  if (started.has(key) || waiting.has(key) || existsSync(job.cacheFile)) return;
  waiting.set(key, job);
  if (!busy) startNext();
}

/**
 * The early encode of this transform if it has started (each is handed out once), else
 * undefined. Drops every encode not started yet: Astro is encoding now, on every core.
 */
export function takePrefetched(src: string, encoding: PhotoEncoding): Promise<Buffer> | undefined {
  waiting.clear();
  const key = prefetchKey(src, encoding);
  const encoded = started.get(key);
  started.delete(key);
  return encoded;
}

/** How many early encodes wait for their turn, and how many have started and not been taken. */
export function prefetchState(): { waiting: number; started: number } {
  return { waiting: waiting.size, started: started.size };
}
