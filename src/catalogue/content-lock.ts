/**
 * One writer at a time for the catalogue files: `npm run revoke`, `npm run import` and
 * `npm run sample` read, change and rewrite them, so two at once would lose one's change.
 * The lock is a file created with O_EXCL in the content folder, holding who took it. A holder
 * that died (even by SIGKILL) is noticed by its pid and its lock taken over; one that is alive
 * is waited for, up to a timeout, then the command fails naming it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export const CONTENT_LOCK_FILE = '.catalogue-write.lock';

export class ContentLockTimeoutError extends Error {}

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
}

export interface ContentLockOptions {
  /** How long to wait for another writer (default 30 s). */
  timeoutMs?: number;
  /** Told once when the lock is held by another process and this one starts waiting. */
  onWait?: (message: string) => void;
}

/** Locks this async call chain already holds: nested writes (import → writeCollections) pass. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();
/** Lock files to remove if the process exits (process.exit() skips `finally`). */
const toRelease = new Map<string, string>();
let exitHookInstalled = false;

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock was left by a process that no longer runs (or was never written whole). */
function isStale(file: string, holder: Holder | undefined): boolean {
  if (!holder) {
    // Created but not yet written: only stale if it stayed that way.
    try {
      return Date.now() - statSync(file).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  return holder.host === hostname() && !isAlive(holder.pid);
}

/** Removes a stale lock unless someone replaced it meanwhile. */
function breakStale(file: string, seen: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // already gone: someone else broke it
  }
  const moved = readHolder(aside);
  if (moved?.token !== seen?.token) {
    // A live holder's lock was moved by mistake: put it back (fails only if a third took it).
    try {
      linkSync(aside, file);
    } catch {}
  }
  unlinkSync(aside);
}

function tryCreate(file: string, holder: Holder): boolean {
  try {
    writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function release(file: string, token: string): void {
  toRelease.delete(file);
  if (readHolder(file)?.token === token) {
    try {
      unlinkSync(file);
    } catch {}
  }
}

/** Runs `fn` holding the catalogue's write lock for `dir`. */
export async function withContentLock<T>(
  dir: string,
  fn: () => Promise<T>,
  options: ContentLockOptions = {},
): Promise<T> {
  const key = path.resolve(dir);
  const already = held.getStore();
  if (already?.has(key)) return fn();
  const file = path.join(key, CONTENT_LOCK_FILE);
  await mkdir(key, { recursive: true });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' '),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const started = Date.now();
  let told = false;
  while (!tryCreate(file, holder)) {
    const other = readHolder(file);
    if (isStale(file, other)) {
      breakStale(file, other);
      continue;
    }
    const who = other ? `process ${other.pid} (${other.command}, since ${other.since})` : 'another process';
    if (Date.now() - started >= timeoutMs) {
      throw new ContentLockTimeoutError(
        `the catalogue in ${key} is being written by ${who}; waited ${Math.round(timeoutMs / 1000)} s. ` +
          `Try again when it has finished; if no such process runs, delete ${file}.`,
      );
    }
    if (!told) {
      options.onWait?.(`waiting for ${who}, which is writing the catalogue in ${key}…`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 50));
  }
  toRelease.set(file, holder.token);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const [lock, token] of [...toRelease]) release(lock, token);
    });
  }
  try {
    return await held.run(new Set([...(already ?? []), key]), fn);
  } finally {
    release(file, holder.token);
  }
}
