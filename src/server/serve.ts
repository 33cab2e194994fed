/**
 * Serves the built site: Astro's standalone handler (static files, then on-demand routes)
 * behind a small Node server that adds the security headers to every response and compresses
 * text responses (./compression.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { env } from '~/config/env';
import { withRouteSlash } from './api-paths';
import { compress } from './compression';
import { securityHeaders } from './security-headers';

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => unknown;

export async function serve(
  distDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist'),
): Promise<{ url: string; close(): Promise<void> }> {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = pathToFileURL(path.join(distDir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: Handler };
  const { PORT, HOST } = env();
  const hashesFile = path.join(distDir, 'csp-hashes.json');
  const hashes = existsSync(hashesFile) ? (JSON.parse(readFileSync(hashesFile, 'utf8')) as string[]) : [];
  const headers = Object.entries(securityHeaders(hashes));
  const server = createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    if (req.url) req.url = withRouteSlash(req.url);
    compress(req, res, () => void handler(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, HOST, resolve);
  });
  const url = `http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`;
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
