/**
 * Contract URLs without a trailing slash, answered in one round trip. docs/http-api.md spells the API
 * without trailing slashes (`GET /api/verify?code=`, `POST /api/orders`) and pages link Open
 * Graph images as `/og/products/{id}.jpg`, while the site uses `trailingSlash: 'always'`. Under
 * it Astro answers `/api/x` with a redirect (301, or 308 for a POST) to `/api/x/`, and matches an
 * on-demand route whose dynamic segment carries an extension (`[id].jpg`) only with the slash.
 * The server rewrites such paths internally instead.
 */
import { productOgImagePath } from '~/catalogue';
import { PHOTO_URL_SHAPE } from '~/listings';

export function withRouteSlash(url: string): string {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  if (pathname.endsWith('/') || !needsSlash(pathname)) return url;
  return `${pathname}/${q < 0 ? '' : url.slice(q)}`;
}

function needsSlash(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  // The URL the pages link (catalogue/urls.ts), recognised rather than spelled again here.
  if (last.endsWith('.jpg') && pathname === productOgImagePath(last.slice(0, -'.jpg'.length))) return true;
  // Facilities' uploaded photos (/media/photos/{id}-{width}.webp), served on demand.
  if (PHOTO_URL_SHAPE.test(pathname)) return true;
  // The readiness probe is an on-demand route (it asks the site's search engine), spelled bare.
  if (pathname === '/readyz') return true;
  // API endpoints named with a file extension (/api/x.csv) are matched without a slash already.
  return pathname.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(last);
}
