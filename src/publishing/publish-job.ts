/**
 * "Publish now" from the console: the publish runs as its own process (`npm run publish`), so a
 * build of several minutes neither blocks the server nor dies with a request, and it takes the
 * same lock, makes the same checks and writes the same audit entry as from a shell. Its output
 * goes to BUILDS_DIR/publish.log; the console reads the status file it keeps.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { buildPaths } from './builds-dir';
import { writeJsonAtomically } from './pointer-files';
import { lockHolder, PublishBusyError, processAlive } from './publish-lock';
import type { PublishStatus } from './publish-status';

/** The command a console publish runs (the same as a shell's). */
export const PUBLISH_COMMAND = ['npm', 'run', '--silent', 'publish', '--'] as const;

export async function startPublishJob(
  requestedBy: string,
  command: readonly string[] = PUBLISH_COMMAND,
): Promise<{ pid: number }> {
  const paths = buildPaths();
  const holder = await lockHolder(paths.lock);
  if (holder && processAlive(holder.pid)) throw new PublishBusyError(holder);
  mkdirSync(paths.root, { recursive: true });
  const out = openSync(paths.log, 'a');
  let pid: number | undefined;
  try {
    const child = spawn(command[0]!, [...command.slice(1), '--requested-by', requestedBy], {
      detached: true,
      stdio: ['ignore', out, out],
      env: process.env,
    });
    pid = child.pid;
    child.unref();
  } finally {
    closeSync(out);
  }
  if (!pid) throw new Error('the publish process could not be started');
  // Shown until the command takes the lock and writes its own status (a second or two).
  const status: PublishStatus = {
    action: 'publish',
    state: 'running',
    by: requestedBy,
    pid,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    step: 'starting',
    build: null,
    message: null,
  };
  await writeJsonAtomically(paths.status, status);
  return { pid };
}
