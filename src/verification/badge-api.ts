/**
 * GET /verify/{id}/badge/svg/ and /badge/png/ (and /en/…): the badge signed with the server's
 * current key. Rendered on request rather than at build (2,000+ certificates × 2 formats ×
 * 2 languages would add minutes to every build for files few people download), cached by
 * browsers and proxies for a day and revalidated by ETag.
 */
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { env } from '~/config/env';
import { type Locale, localeFromParam } from '~/i18n/locales';
import { liveCatalogue } from './astro';
import { signBadgeCode } from './badge-code';
import { badgePng } from './badge-png';
import { type BadgeInput, badgeSvg } from './badge-svg';
import { serverKeyring } from './keyring';

export async function badgeResponse(
  request: Request,
  locale: Locale,
  id: string | undefined,
  format: 'svg' | 'png',
): Promise<Response> {
  const certificate = id ? (await liveCatalogue()).certificateById.get(id) : undefined;
  if (!certificate)
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const input: BadgeInput = {
    certificate,
    code: signBadgeCode(certificate, serverKeyring().signer),
    siteUrl: env().PUBLIC_SITE_URL,
    locale,
  };
  const svg = badgeSvg(input);
  // Ed25519 signatures are deterministic, so the same certificate and key give the same bytes.
  const etag = `"${createHash('sha256').update(svg).update(format).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'cache-control': 'public, max-age=86400',
    etag,
    'content-disposition': `inline; filename="tem-cnnt-${certificate.id}-${locale}.${format}"`,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  if (format === 'svg') {
    return new Response(svg, { headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' } });
  }
  return new Response(new Uint8Array(await badgePng(input)), {
    headers: { ...headers, 'content-type': 'image/png' },
  });
}

export const BADGE_FORMATS = ['svg', 'png'] as const;

/** GET /verify/{id}/badge/{svg|png}/ (on-demand). */
export const badgeRoute: APIRoute = ({ params, request }) => {
  const locale = localeFromParam(params.locale);
  const format = BADGE_FORMATS.find((f) => f === params.format);
  if (!locale || !format) return new Response('Not found', { status: 404 });
  return badgeResponse(request, locale, params.id, format);
};
