import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_LOCK_FILE, ContentLockTimeoutError, withContentLock } from '~/catalogue/content-lock';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'content-lock-'));
const holder = (pid: number) =>
  JSON.stringify({
    pid,
    host: hostname(),
    command: 'scripts/import.ts list.xlsx',
    since: '2026-12-01T00:00:00Z',
    token: 'x',
  });

describe('withContentLock', () => {
  it('runs writers one after the other, and removes the lock after', async () => {
    const dir = fresh();
    const events: string[] = [];
    const writer = (name: string) =>
      withContentLock(dir, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${name} out`);
      });
    await Promise.all([writer('a'), writer('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(path.join(dir, CONTENT_LOCK_FILE))).toBe(false);
  });

  it('lets a nested write of the same holder through, and releases on error', async () => {
    const dir = fresh();
    await expect(
      withContentLock(dir, () =>
        withContentLock(dir, async () => {
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    expect(existsSync(path.join(dir, CONTENT_LOCK_FILE))).toBe(false);
  });

  it('waits for a live holder, then fails naming it and what to do', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, CONTENT_LOCK_FILE), holder(process.pid));
    const told: string[] = [];
    const attempt = withContentLock(dir, async () => 'ran', { timeoutMs: 300, onWait: (m) => told.push(m) });
    await expect(attempt).rejects.toThrow(ContentLockTimeoutError);
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `being written by process ${process.pid} \\(scripts/import.ts list.xlsx.*delete .*${CONTENT_LOCK_FILE}`,
      ),
    );
    expect(told).toHaveLength(1);
    expect(existsSync(path.join(dir, CONTENT_LOCK_FILE))).toBe(true); // not ours to remove
  });

  it('takes over the lock of a process that died (even by SIGKILL)', async () => {
    const dir = fresh();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(path.join(dir, CONTENT_LOCK_FILE), holder(Number(dead.stdout)));
    expect(await withContentLock(dir, async () => 'ran', { timeoutMs: 1000 })).toBe('ran');
    expect(existsSync(path.join(dir, CONTENT_LOCK_FILE))).toBe(false);
  });

  it('releases the lock when the command calls process.exit() while holding it', () => {
    const dir = fresh();
    const child = spawnSync(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/catalogue/fixtures/exit-holding-lock.ts', dir],
      { encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(3);
    expect(existsSync(path.join(dir, CONTENT_LOCK_FILE))).toBe(false);
  }, 30_000);
});
