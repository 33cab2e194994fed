/**
 * Facility API requests (`/api/facility/…` with `Authorization: Bearer`) from facilities' own
 * systems carry no Origin header, and Astro's origin check (security.checkOrigin, run before any
 * middleware of ours) refuses every multipart POST and every body-less DELETE without a
 * same-origin one: the photo routes could never be called. The check guards cookie-authenticated
 * forms against cross-site posts; a bearer token is not sent by a browser on its own (and no
 * CORS preflight is allowed here), so these requests cannot be forged that way. They are given
 * the origin Astro will compute for them: the forwarded host headers are dropped and the host is
 * set to "localhost" (one of the allowed names), so Astro's URL is http(s)://localhost/… and
 * the origin matches it. Nothing else reads those headers on this path (answers carry relative
 * URLs); the client's address (X-Forwarded-For) is untouched.
 */
import type { IncomingMessage } from 'node:http';

const FACILITY_API = /^\/api\/facility\//;
const BEARER = /^Bearer +\S+ *$/i;

export function trustBearerOrigin(req: IncomingMessage): void {
  if (!req.url || !FACILITY_API.test(req.url)) return;
  const authorization = req.headers.authorization;
  if (typeof authorization !== 'string' || !BEARER.test(authorization)) return;
  const encrypted = 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
  delete req.headers['x-forwarded-host'];
  delete req.headers['x-forwarded-proto'];
  delete req.headers['x-forwarded-port'];
  req.headers.host = 'localhost';
  req.headers.origin = `${encrypted ? 'https' : 'http'}://localhost`;
}
