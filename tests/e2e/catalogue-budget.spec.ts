/**
 * JavaScript budget of the catalogue pages: every script a page can run (external scripts,
 * module preloads, island components and renderers, the modules they import, inline scripts)
 * is fetched from the built site and gzipped; the total must stay within 30 KB per page.
 */

import { gzipSync } from 'node:zlib';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { localePath } from '~/i18n/locales';
import { inlineScripts } from '~/server/csp';
import { catalogueExamples } from './catalogue-examples';

const BUDGET_BYTES = 30 * 1024;

/** URLs of scripts a page references (not data blocks such as JSON-LD). */
function referencedScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi)) {
    const href = /href=["']?([^"' >]+)/.exec(m[0]);
    if (href) urls.add(href[1]!);
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)=["']([^"']+)["']/gi)) {
    if (m[1]) urls.add(m[1]);
  }
  return [...urls];
}

/** Modules a JavaScript module imports, statically or dynamically, resolved against its URL. */
function importedModules(code: string, base: string): string[] {
  const specifiers = new Set<string>();
  for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
    specifiers.add(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.add(m[1]!);
  return [...specifiers]
    .filter((s) => s.startsWith('.') || s.startsWith('/'))
    .map((s) => new URL(s, base).pathname);
}

async function scriptBytes(
  request: APIRequestContext,
  path: string,
): Promise<{ total: number; files: string[] }> {
  const html = await (await request.get(path)).text();
  let total = inlineScripts(html).reduce((sum, body) => sum + gzipSync(body).length, 0);
  const seen = new Set<string>();
  const queue = referencedScripts(html).map((u) => new URL(u, 'http://x').pathname);
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await request.get(url);
    expect(response.ok(), `${path} references ${url}`).toBe(true);
    const code = await response.text();
    total += gzipSync(code).length;
    queue.push(...importedModules(code, `http://x${url}`));
  }
  return { total, files: [...seen] };
}

test('catalogue pages ship at most 30 KB of gzipped JavaScript', async ({ request }) => {
  const { pages } = catalogueExamples();
  const over: string[] = [];
  for (const locale of ['vi', 'en'] as const) {
    for (const { name, path } of pages) {
      const url = localePath(locale, path);
      const { total, files } = await scriptBytes(request, url);
      const line = `${url} (${name}): ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} file(s)`;
      console.log(line);
      if (total > BUDGET_BYTES) over.push(`${line}: ${files.join(', ')}`);
    }
  }
  expect(over, 'pages over the 30 KB budget').toEqual([]);
});

test('the script scanner finds every kind of reference and import', () => {
  const html = `<script type="module" src="/_astro/a.js"></script><link rel="modulepreload" href="/_astro/b.js">
    <astro-island component-url="/_astro/c.js" renderer-url="/_astro/d.js"></astro-island>
    <script type="application/ld+json">{"a":1}</script>`;
  expect(referencedScripts(html).sort()).toEqual([
    '/_astro/a.js',
    '/_astro/b.js',
    '/_astro/c.js',
    '/_astro/d.js',
  ]);
  const code = `import{a as b}from"./e.js";import"./f.js";const g=()=>import("./h.js");import x from '/_astro/i.js';`;
  expect(importedModules(code, 'http://x/_astro/c.js').sort()).toEqual([
    '/_astro/e.js',
    '/_astro/f.js',
    '/_astro/h.js',
    '/_astro/i.js',
  ]);
});
