/**
 * The server as a process on the embedded database: it holds the folder's lock, commands go
 * through its admin socket, the outbox worker starts at boot, and SIGTERM shuts it down
 * gracefully. A real child process (tests/server/fixtures/serve-fixture.ts) around a tiny handler.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client';
import { lockFileOf, lockHolder } from '~/db/folder-lock';
import { enqueueMessage } from '~/notifications/outbox';
import { runScript } from '../scripts/cli';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/serve-fixture.ts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const ready = /ready (http\S+)/.exec(out);
      if (ready) resolve({ child, url: ready[1]!, stdout: () => out, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'server-process-'));
const folder = path.join(dataDir, 'pglite');
const mailbox = path.join(dataDir, 'outbox');
const mails = () => (existsSync(mailbox) ? readdirSync(mailbox).filter((f) => f.endsWith('.json')) : []);
const env = { DATA_DIR: dataDir, NODE_ENV: 'production' };
// Mail goes to the file mailbox; the database is the embedded one (children inherit this env).
delete process.env.SMTP_URL;
delete process.env.DATABASE_URL;
let server: Started;

beforeAll(async () => {
  // Seeded while no server runs: one message due now (a retry that fell due while the server
  // was down), one due in an hour (so what `--deliver` finds is known: nothing due).
  const seed = await openDatabase({ pgliteDir: folder, role: 'test' });
  await enqueueMessage(seed.db, {
    kind: 'test-mail',
    ref: 'A',
    to: 'an@example.vn',
    subject: 'A',
    text: 'a',
  });
  const { id } = await enqueueMessage(seed.db, {
    kind: 'test-mail',
    ref: 'B',
    to: 'b@example.vn',
    subject: 'B',
    text: 'b',
  });
  await seed.db.execute(
    `UPDATE outbox_messages SET next_attempt_at = now() + interval '1 hour' WHERE id = ${id}`,
  );
  await seed.close();
  server = await start({ ...env, PORT: String(await freePort()) });
}, 300_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process on the embedded database', () => {
  it('holds the folder lock and warns that PGlite is not for production', () => {
    expect(lockHolder(folder)).toMatchObject({ pid: server.child.pid, role: 'the server' });
    const warning = server
      .stdout()
      .split('\n')
      .find((l) => l.includes('NODE_ENV=production without DATABASE_URL'));
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn' });
  });

  it('delivers due outbox messages at boot, before any request', async () => {
    await waitFor(() => mails().length === 1, 60_000);
  }, 70_000);

  it('runs outbox commands through the server while it holds the folder', async () => {
    const list = runScript('outbox.ts', ['--db'], env);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/#1 sent \(1 tries\) test-mail A → an@example\.vn: A/);
    expect(list.stdout).toMatch(/#2 pending \(0 tries\) test-mail B/);
    // Nothing is due (the server sent A at boot; B is due in an hour): the answer is known.
    // That `--deliver` through the socket sends what is due: tests/server/admin-socket.test.ts.
    const deliver = runScript('outbox.ts', ['--deliver'], env);
    expect(deliver.stderr).toBe('');
    expect(deliver.status).toBe(0);
    expect(deliver.stdout).toContain('sent 0, retrying 0, failed 0');
    expect(mails()).toHaveLength(1);
    // The server still holds the folder: nothing else opened it.
    expect(lockHolder(folder)?.pid).toBe(server.child.pid);
  }, 90_000);

  it('answers /healthz and gives every request an id, logged once as a JSON line', async () => {
    const health = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'probe-1' } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toBe('probe-1');
    const made = await fetch(`${server.url}/x?email=an@example.vn`, {
      headers: { 'X-Request-Id': 'bad id <>' },
    });
    const id = made.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => server.stdout().includes(id!), 5_000);
    const lines = server
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'request' && l.requestId === 'probe-1')).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/healthz',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(lines.find((l) => l.requestId === id)).toMatchObject({ path: '/x?email=', status: 200 });
    expect(server.stdout()).not.toContain('an@example.vn');
  });

  it('answers TRACE with 405 itself: the site cannot take a request fetch cannot represent', async () => {
    // Astro builds a fetch Request from every request, and fetch refuses TRACE: it was a 500.
    const { status, headers } = await new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = httpRequest(`${server.url}/api/search`, { method: 'TRACE' }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers });
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(405);
    expect(headers['x-request-id']).toEqual(expect.any(String));
  });

  it('refuses a second server on the same folder, naming the holder', async () => {
    await expect(start({ ...env, PORT: String(await freePort()) })).rejects.toThrow(
      `The server (pid ${server.child.pid}) holds`,
    );
    await expect(start({ ...env, PORT: String(await freePort()) })).rejects.toThrow(
      'one server per embedded database. Stop it first, or give this one another DATA_DIR.',
    );
  }, 60_000);

  it('on SIGTERM finishes the in-flight request, exits 0 and releases the lock', async () => {
    const slow = fetch(`${server.url}/slow?ms=1500`);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    expect(await server.exited).toBe(0);
    expect(existsSync(lockFileOf(folder))).toBe(false);
    expect(existsSync(path.join(dataDir, 'admin.sock'))).toBe(false);
    const next = await openDatabase({ pgliteDir: folder, role: 'test' });
    await next.close();
  }, 60_000);
});
