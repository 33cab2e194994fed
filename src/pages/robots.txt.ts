/** /robots.txt: everything public is crawlable except personal and transactional pages; names the sitemap. */
import type { APIRoute } from 'astro';

const PRIVATE = ['/api/', '/cart/', '/checkout/', '/orders/', '/en/cart/', '/en/checkout/', '/en/orders/'];

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site ?? 'http://localhost:4321').href;
  const body = [
    'User-agent: *',
    'Allow: /',
    ...PRIVATE.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
