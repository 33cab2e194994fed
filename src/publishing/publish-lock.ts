/**
 * One publish at a time on a machine: a lock file created exclusively (O_EXCL) holding the
 * holder's pid, start time and who asked. A lock whose process is gone (killed mid-build) is
 * taken over; a live one is a clear refusal naming it.
 */

import { mkdirSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const holderSchema = z.object({
  pid: z.number().int(),
  since: z.string(),
  by: z.string(),
  action: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export class PublishBusyError extends Error {
  constructor(readonly holder: LockHolder) {
    super(
      `another publish is running (pid ${holder.pid}, ${holder.action} since ${holder.since}, asked by ${holder.by}); wait for it to finish`,
    );
    this.name = 'PublishBusyError';
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockHolder(file: string): Promise<LockHolder | null> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws PublishBusyError; the returned function releases it. */
export async function takePublishLock(
  file: string,
  by: string,
  action: string,
): Promise<() => Promise<void>> {
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, since: new Date().toISOString(), by, action };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        const holder = await lockHolder(file);
        if (holder?.pid === process.pid) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await lockHolder(file);
      if (holder && processAlive(holder.pid)) throw new PublishBusyError(holder);
      // Its process is gone (or the file was left empty by a crash between create and write).
      await rm(file, { force: true });
    }
  }
  throw new Error(`cannot take the publish lock ${file}`);
}
