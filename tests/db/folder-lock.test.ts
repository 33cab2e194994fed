import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client';
import { acquireFolderLock, FolderLockedError, lockFileOf, lockHolder } from '~/db/folder-lock';

const root = path.resolve(import.meta.dirname, '../..');
// One process (no tsx wrapper): the pid in the lock is the child's own.
const node = [process.execPath, '--import', 'tsx'] as const;
const holdLock = path.join(import.meta.dirname, 'fixtures/hold-lock.ts');

let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folder-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a process that takes the lock; resolves with its first line ("held PID" / "refused …"). */
function holder(folder: string, role = 'the server'): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(node[0], [...node.slice(1), holdLock, folder, role], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, line: out.trim() });
    });
    child.once('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`exited ${code}`))));
  });
}

/** A pid that is certainly not running: a process that has exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

describe('the embedded database folder lock', () => {
  it('refuses a second process at once, naming the holder and what to do', async () => {
    const folder = path.join(dir, 'pglite');
    const first = await holder(folder);
    expect(first.line).toBe(`held ${first.child.pid}`);
    const second = await holder(folder, 'npm run outbox');
    expect(second.line).toContain(`refused The server (pid ${first.child.pid}) holds`);
    expect(second.line).toContain('it goes through the server), or stop the server first');
    await new Promise((r) => second.child.once('exit', r));
    expect(second.child.exitCode).toBe(3);
    // In this process too: the error carries the holder.
    let error: unknown;
    try {
      acquireFolderLock(folder, 'test');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FolderLockedError);
    expect((error as FolderLockedError).holder.pid).toBe(first.child.pid);
    expect(lockHolder(folder)?.pid).toBe(first.child.pid);
    // Refused before anything was created in the folder.
    expect(existsSync(folder)).toBe(false);
  });

  it('takes over a stale lock whose holder died', async () => {
    const folder = path.join(dir, 'pglite');
    writeFileSync(lockFileOf(folder), JSON.stringify({ pid: deadPid(), role: 'the server', since: 'x' }));
    expect(lockHolder(folder)).toBeUndefined();
    const lock = acquireFolderLock(folder, 'test');
    expect(JSON.parse(readFileSync(lockFileOf(folder), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFileOf(folder))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another program (a recycled pid)', () => {
    const folder = path.join(dir, 'pglite');
    // Our parent is alive, but it did not start when this lock says its holder started.
    writeFileSync(
      lockFileOf(folder),
      JSON.stringify({ pid: process.ppid, role: 'the server', since: 'x', started: '1' }),
    );
    expect(lockHolder(folder)).toBeUndefined();
    acquireFolderLock(folder, 'test').release();
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const folder = path.join(dir, 'pglite');
    writeFileSync(lockFileOf(folder), JSON.stringify({ pid: deadPid(), role: 'the server', since: 'x' }));
    const lines = (await Promise.all([1, 2, 3, 4].map(() => holder(folder)))).map((h) => h.line);
    expect(lines.filter((l) => l.startsWith('held'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('refused'))).toHaveLength(3);
  });

  it('is released when the holder is killed (stale) and when a database closes', async () => {
    const folder = path.join(dir, 'pglite');
    const first = await holder(folder);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const handle = await openDatabase({ pgliteDir: folder, role: 'test' });
    expect(lockHolder(folder)?.pid).toBe(process.pid);
    await expect(openDatabase({ pgliteDir: folder })).rejects.toBeInstanceOf(FolderLockedError);
    await handle.close();
    expect(existsSync(lockFileOf(folder))).toBe(false);
    const again = await openDatabase({ pgliteDir: folder });
    await again.close();
  }, 240_000);

  it('is not needed for an in-memory database', async () => {
    const a = await openDatabase({ pgliteDir: 'memory://' });
    const b = await openDatabase({ pgliteDir: 'memory://' });
    await Promise.all([a.close(), b.close()]);
  }, 240_000);
});
