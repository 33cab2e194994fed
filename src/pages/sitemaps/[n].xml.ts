/** /sitemaps/N.xml: one slice of the site's pages, both locales with hreflang alternates. */
import type { APIRoute } from 'astro';
import { getSiteIndex } from '~/site/astro';
import { chunk, sitemapPaths, sitemapXml } from '~/site/sitemap';

export async function getStaticPaths() {
  const slices = chunk(sitemapPaths(await getSiteIndex()));
  return slices.map((paths, n) => ({ params: { n: String(n) }, props: { paths } }));
}

export const GET: APIRoute = ({ props, site }) =>
  new Response(sitemapXml((props as { paths: string[] }).paths, site ?? new URL('http://localhost:4321')), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
