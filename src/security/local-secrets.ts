/**
 * Development secrets: created on first use under DATA_DIR/secrets (never committed, the
 * folder is gitignored) so a fresh clone works without configuration.
 *
 * Several processes may start at once (the server and an `npm run` tool), so creation is
 * atomic: the value is written and flushed under a temporary name, then hard-linked to the
 * final name. link() fails when the name exists, so the first process wins and every other
 * reads the winner's complete file; no one can see it empty or half written.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { dataDir } from '~/config/env';

/** How often, and how long apart, an empty file is re-read before giving up. */
const EMPTY_RETRIES = 5;
const EMPTY_RETRY_MS = 20;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The stored value, undefined when there is no file yet. Never empty. */
function readSecret(file: string): string | undefined {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (text !== '') return text;
    // Only a process of an older version (which wrote in place) or a crash leaves it empty:
    // give a writer still at work a moment, then refuse rather than sign with an empty key.
    if (attempt >= EMPTY_RETRIES) {
      throw new Error(
        `${file} is empty (left by an interrupted first start?): delete it and start again, a new secret is created`,
      );
    }
    sleepSync(EMPTY_RETRY_MS);
  }
}

export function localSecret(
  name: string,
  create: () => string = () => randomBytes(32).toString('base64url'),
): string {
  const dir = path.join(dataDir(), 'secrets');
  const file = path.join(dir, name);
  // Signed links ask for the secret several times an order: read the file again only when it
  // changed (a stat instead of open, read and close), so an emptied or replaced file still counts.
  const seen = known.get(file);
  const now = statOf(file);
  if (seen && now && seen.mtimeMs === now.mtimeMs && seen.size === now.size) return seen.value;
  const existing = readSecret(file);
  if (existing !== undefined) return remember(file, existing);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${create()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (error) {
    // Another process created it first: theirs is the secret.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(tmp);
  }
  const value = readSecret(file);
  if (value === undefined) throw new Error(`${file} vanished while it was being created`);
  return remember(file, value);
}

const known = new Map<string, { mtimeMs: number; size: number; value: string }>();

function statOf(file: string): { mtimeMs: number; size: number } | undefined {
  try {
    const { mtimeMs, size } = statSync(file);
    return { mtimeMs, size };
  } catch {
    return undefined;
  }
}

function remember(file: string, value: string): string {
  const now = statOf(file);
  if (now) known.set(file, { ...now, value });
  return value;
}
