/** /sitemap-index.xml: the sitemap index, one entry per /sitemaps/N.xml. */
import type { APIRoute } from 'astro';
import { getSiteIndex } from '~/site/astro';
import { chunk, sitemapFilePath, sitemapIndexXml, sitemapPaths } from '~/site/sitemap';

export const GET: APIRoute = async ({ site }) => {
  const index = await getSiteIndex();
  const files = chunk(sitemapPaths(index)).map((_, n) => sitemapFilePath(n));
  return new Response(sitemapIndexXml(files, site ?? new URL('http://localhost:4321'), index.asOf), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
