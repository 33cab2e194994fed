/**
 * gzip/brotli for text responses (HTML, CSS, JS, JSON, SVG, XML), negotiated per request by the
 * `compression` middleware. Responses marked private or no-store (orders, facility links,
 * checkout) stay uncompressed: compressing secrets beside reflected input is what BREACH needs.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function isPrivateResponse(cacheControl: unknown): boolean {
  return /\b(no-store|private)\b/i.test(String(cacheControl ?? ''));
}

export const compress: Middleware = compression({
  threshold: 1024,
  filter: (req, res) => !isPrivateResponse(res.getHeader('cache-control')) && compression.filter(req, res),
}) as unknown as Middleware;
