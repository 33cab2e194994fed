/**
 * Serves the built site: Astro's standalone handler (static files, then on-demand routes)
 * behind a small Node server that adds the security headers to every response, compresses
 * text responses (./compression.ts), gives each request an id and logs one line for it, and
 * answers `GET /healthz` itself.
 *
 * The server owns the database: it opens it before listening (with the embedded PGlite that
 * takes the folder's lock, so a second server or command is refused), serves admin commands
 * on a local socket (./admin-socket.ts), starts the outbox worker at boot, and on close()
 * shuts down gracefully (./graceful-close.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCardOrderExpiry, stopCardOrderExpiry } from '~/commerce/astro';
import { dataDir, env } from '~/config/env';
import { log, requestContext } from '~/config/log';
import { closeDatabase, database } from '~/db/client';
import { FolderLockedError } from '~/db/folder-lock';
import { kickDelivery, stopDelivery } from '~/notifications/astro';
import { pinClientAddress } from '~/security/client-address';
import { closeServerRateLimiter } from '~/security/server-limiter';
import { adminSocketPath, listenAdminSocket } from './admin-socket';
import { withRouteSlash } from './api-paths';
import { compress } from './compression';
import { closeGracefully } from './graceful-close';
import { loggedPath } from './logged-path';
import { securityHeaders } from './security-headers';

export type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => unknown;

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (≤ 10 s), stops the worker, closes the database. */
  close(): Promise<void>;
}

export async function serve(
  distDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist'),
): Promise<RunningServer> {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = pathToFileURL(path.join(distDir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: Handler };
  const hashesFile = path.join(distDir, 'csp-hashes.json');
  const hashes = existsSync(hashesFile) ? (JSON.parse(readFileSync(hashesFile, 'utf8')) as string[]) : [];
  return startServer(handler, securityHeaders(hashes));
}

/** The admin socket of the embedded database's owner (commands reach the database through it). */
async function openAdminSocket(): Promise<{ close(): Promise<void> } | undefined> {
  const socketPath = adminSocketPath(dataDir());
  // Unix socket paths are limited to about 100 bytes; a deeper DATA_DIR still serves the site.
  if (Buffer.byteLength(socketPath) > 100) {
    log().warn(
      { socketPath },
      'DATA_DIR is too deep for the admin socket: commands cannot run while the server runs',
    );
    return undefined;
  }
  return listenAdminSocket(socketPath, async () => (await database()).db);
}

/** An incoming X-Request-Id is kept only when it is a plain token (it is echoed and logged). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Methods Node parses but fetch's Request refuses to carry (CONNECT never reaches a request
 * handler, TRACK is refused by Node's parser): Astro turns every request into a Request, so
 * these would end in its "Could not render" 500. No route serves them; they are refused here.
 */
const UNREPRESENTABLE_METHODS = new Set(['TRACE']);

/** Runs `handler` as the site's server (tests pass a small handler instead of the built site). */
export async function startServer(
  handler: Handler,
  headers: Record<string, string> = {},
): Promise<RunningServer> {
  const { PORT, HOST, DATABASE_URL } = env();
  const logger = log();
  if (process.env.NODE_ENV === 'production' && !DATABASE_URL) {
    logger.warn(
      'NODE_ENV=production without DATABASE_URL: the embedded PGlite database is single-process, for development and small single-instance sites; use PostgreSQL (DATABASE_URL) in production',
    );
  }
  try {
    // Before listening: with PGlite this takes the folder's lock, so a second server stops here.
    await database();
  } catch (error) {
    if (error instanceof FolderLockedError) throw error;
    // PostgreSQL unreachable: serve anyway; /readyz says so and requests retry the connection.
    logger.error({ err: error }, 'database not available at start');
  }
  const admin = DATABASE_URL ? undefined : await openAdminSocket();
  // Retries that fell due while the server was down go out now, not on the first request;
  // card orders left pending by a crash are expired from boot on.
  kickDelivery();
  startCardOrderExpiry();

  const headerList = Object.entries(headers);
  const server = createServer((req, res) => {
    const started = performance.now();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of headerList) res.setHeader(name, value);
    res.once('close', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          path: loggedPath(req.url ?? '/'),
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    requestContext.run({ requestId }, () => {
      if (req.url && /^\/healthz\/?(\?|$)/.test(req.url)) {
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end('{"status":"ok"}');
        return;
      }
      if (UNREPRESENTABLE_METHODS.has(req.method ?? '')) {
        res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD, POST' });
        res.end('Method not allowed.');
        return;
      }
      if (req.url) req.url = withRouteSlash(req.url);
      // Astro.clientAddress is X-Forwarded-For's first entry when there is one: pin the real client.
      pinClientAddress(req);
      compress(req, res, () => void handler(req, res));
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(PORT, HOST, resolve);
    });
  } catch (error) {
    // The port is taken: give the database (and its lock) back before failing.
    stopCardOrderExpiry();
    await stopDelivery();
    await admin?.close();
    await closeDatabase();
    throw error;
  }
  const url = `http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`;
  logger.info({ url, database: DATABASE_URL ? 'postgres' : 'pglite' }, 'serving');
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await closeGracefully(server, 10_000);
        stopCardOrderExpiry();
        await stopDelivery();
        await closeServerRateLimiter();
        await admin?.close();
        await closeDatabase();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
