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
import { initialBuild, LiveSite, type LoadedSite } from '~/publishing/astro';
import { pinClientAddress } from '~/security/client-address';
import { closeServerRateLimiter } from '~/security/server-limiter';
import { adminSocketPath, listenAdminSocket } from './admin-socket';
import { withRouteSlash } from './api-paths';
import { trustBearerOrigin } from './bearer-origin';
import { compress } from './compression';
import { closeGracefully } from './graceful-close';
import { loggedPath } from './logged-path';
import { securityHeaders } from './security-headers';
import { WARM_HEADER, warmSite } from './warm-site';

export type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => unknown;

/** Which site (handler and headers) answers a request: fixed, or the live build of ~/publishing. */
export interface SiteSource {
  siteFor(req: IncomingMessage): { id?: string | null; handler: Handler; headers: Record<string, string> };
  stop?(): Promise<void>;
}

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (≤ 10 s), stops the worker, closes the database. */
  close(): Promise<void>;
}

/** Imports a build's server entry (a new module graph per build folder) and reads its CSP hashes. */
async function loadBuiltSite(dir: string, id: string | null): Promise<LoadedSite<Handler>> {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = pathToFileURL(path.join(dir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: Handler };
  const hashesFile = path.join(dir, 'csp-hashes.json');
  const hashes = existsSync(hashesFile) ? (JSON.parse(readFileSync(hashesFile, 'utf8')) as string[]) : [];
  return { id, dir, handler, headers: securityHeaders(hashes) };
}

/**
 * Serves the built site. With ASTRO_OUT_DIR (benches serving a private copy) that folder, fixed;
 * otherwise the live published build when there is one (else dist/), following `npm run publish`
 * switches while it runs (~/publishing/live-site.ts).
 */
export async function serve(): Promise<RunningServer> {
  const fixed = process.env.ASTRO_OUT_DIR;
  const initial = fixed ? { id: null, dir: path.resolve(fixed) } : await initialBuild();
  const warmToken = randomUUID();
  let url = '';
  const live = new LiveSite<Handler>({
    load: loadBuiltSite,
    warm: (site) => warmSite(url, warmToken, site.id!),
    url: () => url,
    log: (message, fields) => log().info(fields ?? {}, message),
  });
  await live.start(initial);
  const server = await startServer({
    siteFor(req) {
      // Warm-up requests (this process's own, carrying its secret) go to the build being prepared.
      const warm = req.headers[WARM_HEADER];
      if (typeof warm === 'string' && warm.startsWith(`${warmToken}:`)) {
        const candidate = live.candidate(warm.slice(warmToken.length + 1));
        if (candidate) return candidate;
      }
      return live.site;
    },
    async stop() {
      await live.stop();
    },
  });
  url = server.url;
  if (!fixed) await live.follow();
  return server;
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
  source: Handler | SiteSource,
  headers: Record<string, string> = {},
): Promise<RunningServer> {
  const fixedSite = { handler: source as Handler, headers };
  const sites: SiteSource = typeof source === 'function' ? { siteFor: () => fixedSite } : source;
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

  const server = createServer((req, res) => {
    // The build this request is served by, from its first byte to its last (a switch meanwhile
    // only affects later requests).
    const site = sites.siteFor(req);
    const started = performance.now();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(site.headers)) res.setHeader(name, value);
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
        // The build served, so a deployment (and the publish bench) can see a switch.
        res.end(JSON.stringify({ status: 'ok', ...(site.id && { build: site.id }) }));
        return;
      }
      if (UNREPRESENTABLE_METHODS.has(req.method ?? '')) {
        res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD, POST' });
        res.end('Method not allowed.');
        return;
      }
      if (req.url) req.url = withRouteSlash(req.url);
      trustBearerOrigin(req);
      // Astro.clientAddress is X-Forwarded-For's first entry when there is one: pin the real client.
      pinClientAddress(req);
      compress(req, res, () => void site.handler(req, res));
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
        await sites.stop?.();
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
