/**
 * The server process's life: start (a refused database lock is one clear line and exit 1),
 * then on SIGTERM/SIGINT close gracefully and exit 0 (1 if closing failed or took over 20 s).
 * Repeated signals are ignored: npm and tsx relay a terminal's Ctrl-C, so one key press can
 * arrive twice, and it must not cut the graceful shutdown short. scripts/start.ts runs the built site with it.
 */
import { flushLog, log } from '~/config/log';
import { FolderLockedError } from '~/db/folder-lock';
import type { RunningServer } from './serve';

export async function runServer(start: () => Promise<RunningServer>): Promise<RunningServer> {
  let server: RunningServer;
  try {
    server = await start();
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log().info({ signal }, 'shutting down');
      // Requests get 10 s; a database close that hangs must not keep the process forever.
      setTimeout(() => {
        log().error('shutdown took over 20 s; exiting');
        flushLog();
        process.exit(1);
      }, 20_000).unref();
      server.close().then(
        () => {
          flushLog();
          process.exit(0);
        },
        (error: unknown) => {
          log().error({ err: error }, 'shutdown failed');
          flushLog();
          process.exit(1);
        },
      );
    });
  }
  return server;
}
