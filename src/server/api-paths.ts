/**
 * PRODUCT.md spells the API without trailing slashes (`GET /api/verify?code=`, `POST /api/orders`)
 * while the site's pages use `trailingSlash: 'always'`, under which Astro answers `/api/x` with
 * a redirect (301, or 308 for a POST) to `/api/x/`. The server rewrites such paths internally
 * instead, so clients get the answer at the contract's URL in one round trip.
 */
export function withApiSlash(url: string): string {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  if (!pathname.startsWith('/api/') || pathname.endsWith('/')) return url;
  // Endpoints named with a file extension (/api/x.csv) are matched without a slash already.
  if (/\.[A-Za-z0-9]+$/.test(pathname.slice(pathname.lastIndexOf('/') + 1))) return url;
  return `${pathname}/${q < 0 ? '' : url.slice(q)}`;
}
