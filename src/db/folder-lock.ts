/**
 * One process per embedded database folder. PGlite is single-process: a second process that
 * opens the same folder while the first writes can leave it unopenable (every order lost), so
 * whoever opens DATA_DIR/pglite first holds `<folder>.lock` until it closes the folder.
 *
 * The lock file is created atomically (written beside, then hard-linked into place, which fails
 * if it exists) and names its holder's pid. A lock whose pid is dead is stale: it is taken over
 * under a short-lived `<folder>.lock.takeover` file, so two processes that find the same stale
 * lock cannot both win.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /**
   * When that process started (Linux: /proc/PID/stat start time in clock ticks since boot), so
   * a recycled pid (a container restarted, the pid now another program's) is not taken for the holder.
   */
  started?: string;
  /** What holds it, in words: "the server", "npm run outbox". */
  role: string;
  since: string;
}

export interface FolderLock {
  readonly file: string;
  release(): void;
}

/** Refused: another live process holds the folder. The message says who and what to do. */
export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
    /** Who was refused: a second server is told something else than a command. */
    requester = 'a command',
  ) {
    const shown = path.relative(process.cwd(), folder) || folder;
    const who = `${holder.role === 'the server' ? 'The server' : holder.role} (pid ${holder.pid}) holds ${shown}`;
    super(
      holder.role !== 'the server'
        ? `${who}: the embedded database is opened by one process at a time. Wait for it to finish, or stop it.`
        : requester === 'the server'
          ? `${who}: one server per embedded database. Stop it first, or give this one another DATA_DIR.`
          : `${who}. Run this command while it runs (it goes through the server), or stop the server first.`,
    );
    this.name = 'FolderLockedError';
  }
}

// Locks held by this process, shared by every copy of this module loaded in it (the server
// runs both the scripts' and the built site's copy), so a recycled pid equal to ours (a
// container restarted as pid 1) is recognised as stale rather than as ourselves.
const HELD = Symbol.for('cnnt.db.folder-locks');
const held: Set<string> =
  ((globalThis as Record<symbol, unknown>)[HELD] as Set<string> | undefined) ?? new Set();
(globalThis as Record<symbol, unknown>)[HELD] = held;

export function lockFileOf(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

/** A process's start time, "dead" for a zombie, undefined without /proc (not Linux) or process. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields from the 3rd (state), after the command name in parentheses (which may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? 'dead' : fields[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number, started: string | undefined): boolean {
  if (started) {
    const now = startTimeOf(pid);
    if (now !== undefined) return now === started;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number') {
      return {
        pid: parsed.pid,
        role: String(parsed.role ?? 'another process'),
        since: String(parsed.since ?? ''),
        ...(typeof parsed.started === 'string' && { started: parsed.started }),
      };
    }
  } catch {
    // Unreadable content cannot come from linkSync (the file appears whole): treat it as stale.
  }
  return { pid: 0, role: 'an unreadable lock', since: '' };
}

function isLive(holder: LockHolder, file: string): boolean {
  if (holder.pid <= 0) return false;
  if (holder.pid === process.pid) return held.has(file);
  return isAlive(holder.pid, holder.started);
}

/** The live holder of a folder's lock, or undefined when it is free (or stale). */
export function lockHolder(folder: string): LockHolder | undefined {
  const file = lockFileOf(folder);
  const holder = readHolder(file);
  return holder && isLive(holder, file) ? holder : undefined;
}

function tryCreate(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Removes `file` only if it still holds the stale holder we saw, one taker at a time. */
function removeStale(file: string, stale: LockHolder): void {
  const guard = `${file}.takeover`;
  const me: LockHolder = { pid: process.pid, role: 'takeover', since: new Date().toISOString() };
  if (!tryCreate(guard, me)) {
    const other = readHolder(guard);
    // A taker that died mid-take-over leaves its guard: clear it, and let the caller retry.
    if (other && !isLive(other, guard)) unlinkIfSame(guard, other);
    return;
  }
  try {
    unlinkIfSame(file, stale);
  } finally {
    unlinkSync(guard);
  }
}

function unlinkIfSame(file: string, expected: LockHolder): void {
  const now = readHolder(file);
  if (now && now.pid === expected.pid && now.since === expected.since) {
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Takes the folder's lock or throws FolderLockedError naming the live holder; nothing in the
 * folder is touched before the lock is ours.
 */
export function acquireFolderLock(folder: string, role: string): FolderLock {
  const file = lockFileOf(folder);
  const started = startTimeOf(process.pid);
  const mine: LockHolder = {
    pid: process.pid,
    role,
    since: new Date().toISOString(),
    ...(started && { started }),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, mine)) {
      held.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          unlinkIfSame(file, mine);
        },
      };
    }
    const holder = readHolder(file);
    if (holder && isLive(holder, file)) throw new FolderLockedError(folder, holder, role);
    if (holder) removeStale(file, holder);
  }
  const holder = readHolder(file);
  throw new FolderLockedError(folder, holder ?? { pid: 0, role: 'another process', since: '' }, role);
}
