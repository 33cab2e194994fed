/**
 * What a build must have before any server switches to it: its server entry, the build stamp
 * (written last by `npm run build`, so a build that stopped half-way has none), the CSP hashes
 * the server sends, and a file for every page its sitemap lists, in both languages.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export interface BuildCheck {
  problems: string[];
  /** Pages the sitemaps list (each locale counted). */
  pages: number;
  cspHashes: number;
}

const LOC = /<loc>([^<]+)<\/loc>/g;

/**
 * Patterns of the build's on-demand pages (prerender = false), read from the server manifest
 * Astro writes (`deserializeManifest({...})`): a sitemap page they serve has no file, rightly.
 */
export async function onDemandPatterns(serverDir: string): Promise<RegExp[]> {
  const { readdir } = await import('node:fs/promises');
  const file = (await readdir(serverDir)).find((n) => /^manifest_.*\.mjs$/.test(n));
  if (!file) return [];
  const text = await readFile(path.join(serverDir, file), 'utf8');
  const call = 'deserializeManifest({';
  const start = text.lastIndexOf(call);
  const end = text.indexOf('});\n', start);
  if (start < 0 || end < 0) return [];
  const manifest = z
    .object({
      routes: z.array(
        z.object({
          routeData: z.object({ type: z.string(), pattern: z.string(), prerender: z.boolean() }),
        }),
      ),
    })
    .safeParse(JSON.parse(text.slice(start + call.length - 1, end + 1)));
  if (!manifest.success) return [];
  return manifest.data.routes
    .map((r) => r.routeData)
    .filter((r) => r.type === 'page' && !r.prerender)
    .map((r) => new RegExp(r.pattern));
}

/** The file a page path is served from (directory format: /products/x/ → products/x/index.html). */
export function pageFile(clientDir: string, pathname: string): string {
  const decoded = decodeURIComponent(pathname);
  return decoded.endsWith('/') ? path.join(clientDir, decoded, 'index.html') : path.join(clientDir, decoded);
}

export async function checkBuild(dir: string): Promise<BuildCheck> {
  const problems: string[] = [];
  const client = path.join(dir, 'client');
  if (!existsSync(path.join(dir, 'server', 'entry.mjs'))) problems.push('server/entry.mjs is missing');
  if (!existsSync(path.join(dir, '.build-stamp')))
    problems.push('the build stamp (.build-stamp) is missing: the build did not finish');
  let cspHashes = 0;
  try {
    const hashes = z
      .array(z.string().regex(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/))
      .parse(JSON.parse(await readFile(path.join(dir, 'csp-hashes.json'), 'utf8')));
    cspHashes = hashes.length;
  } catch (error) {
    problems.push(`csp-hashes.json is missing or invalid: ${(error as Error).message.split('\n')[0]}`);
  }
  let pages = 0;
  const index = path.join(client, 'sitemap-index.xml');
  if (!existsSync(index)) problems.push('sitemap-index.xml is missing');
  else {
    const sitemaps = [...(await readFile(index, 'utf8')).matchAll(LOC)].map((m) => new URL(m[1]!).pathname);
    if (sitemaps.length === 0) problems.push('sitemap-index.xml lists no sitemap');
    const missing: string[] = [];
    const onDemand = await onDemandPatterns(path.join(dir, 'server'));
    for (const sitemap of sitemaps) {
      const file = pageFile(client, sitemap);
      if (!existsSync(file)) {
        problems.push(`${sitemap} (listed in the sitemap index) is missing`);
        continue;
      }
      for (const m of (await readFile(file, 'utf8')).matchAll(LOC)) {
        pages += 1;
        const page = new URL(m[1]!.replace(/&amp;/g, '&')).pathname;
        if (!existsSync(pageFile(client, page)) && !onDemand.some((p) => p.test(page))) missing.push(page);
      }
    }
    if (missing.length > 0) {
      problems.push(
        `${missing.length} page(s) listed in the sitemaps are missing, e.g. ${missing.slice(0, 5).join(', ')}`,
      );
    }
  }
  return { problems, pages, cspHashes };
}
