/**
 * /verify/{certificateId}/badge/svg/ and /badge/png/ (and /en/…): the badge image, signed on
 * request. Extensionless paths on purpose: under trailingSlash "always" Astro would require
 * "/badge.svg/" for a dynamic route; the file name comes with Content-Disposition.
 */
import { badgeRoute } from '~/verification/badge-api';

export const prerender = false;
export const GET = badgeRoute;
