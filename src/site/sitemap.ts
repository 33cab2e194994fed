/**
 * The XML sitemaps: an index at /sitemap-index.xml pointing to /sitemaps/N.xml, each listing
 * both locales of up to SITEMAP_CHUNK pages with hreflang alternates (well under the 50,000
 * URL limit of a sitemap file at any catalogue size). Pure logic.
 */

import { browsePath, facilityPath, productPath } from '~/catalogue';
import { LOCALES, localePath } from '~/i18n/locales';
import { browsePages, type SiteIndex } from './site-index';

/** Paths (without locale) per sitemap file; each yields one URL per locale. */
export const SITEMAP_CHUNK = 5000;

/** Public pages that exist in both locales, outside the catalogue's own lists. */
const TOP_LEVEL = ['/', '/programme/', '/facilities/', '/verify/', '/wholesale/'];

export function sitemapPaths(index: SiteIndex): string[] {
  return [
    ...TOP_LEVEL,
    ...browsePages(index).map(({ filter, page }) => browsePath(filter, page)),
    ...index.ordered.map(productPath),
    ...index.facilityOrder.map(facilityPath),
  ];
}

export function chunk<T>(items: readonly T[], size = SITEMAP_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemapXml(paths: readonly string[], site: URL): string {
  const urls: string[] = [];
  for (const path of paths) {
    const hrefs = LOCALES.map((l) => ({ l, href: escapeXml(new URL(localePath(l, path), site).href) }));
    const links = [
      ...hrefs.map(({ l, href }) => `<xhtml:link rel="alternate" hreflang="${l}" href="${href}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${hrefs[0]!.href}"/>`,
    ].join('');
    for (const { href } of hrefs) urls.push(`<url><loc>${href}</loc>${links}</url>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(files: readonly string[], site: URL, lastmod: string): string {
  const entries = files.map(
    (f) => `<sitemap><loc>${escapeXml(new URL(f, site).href)}</loc><lastmod>${lastmod}</lastmod></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export const sitemapFilePath = (n: number): string => `/sitemaps/${n}.xml`;
