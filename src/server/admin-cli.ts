/**
 * How a CLI runs an admin command (./admin-commands.ts) without ever opening the embedded
 * database twice: with DATABASE_URL it opens PostgreSQL itself; with PGlite, when the server
 * holds the folder it asks the server through its admin socket, otherwise it takes the folder's
 * lock itself for the command's duration. Another command holding the folder is a clear error.
 */
import { existsSync } from 'node:fs';
import { dataDir, env } from '~/config/env';
import { openDatabase, pgliteDir } from '~/db/client';
import { FolderLockedError, lockHolder } from '~/db/folder-lock';
import { runAdminCommand } from './admin-commands';
import { adminSocketPath, sendAdminCommand } from './admin-socket';

export async function runAdminCommandFromCli(command: string, args: unknown = {}): Promise<unknown> {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) {
    const holder = lockHolder(pgliteDir());
    const socket = adminSocketPath(dataDir());
    if (holder) {
      if (holder.role !== 'the server') throw new FolderLockedError(pgliteDir(), holder);
      if (existsSync(socket)) return sendAdminCommand(socket, command, args);
      // `npm run dev` (Astro's dev server) holds the folder but serves no admin socket.
      throw new Error(
        `The server (pid ${holder.pid}) holds ${pgliteDir()} but has no admin socket (${socket}); it is probably \`npm run dev\`. Stop it, or run the command against \`npm start\`.`,
      );
    }
  }
  const handle = await openDatabase({ url: DATABASE_URL });
  try {
    return await runAdminCommand(handle.db, command, args);
  } finally {
    await handle.close();
  }
}
