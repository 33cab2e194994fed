/**
 * The running server's local admin socket: a Unix domain socket under DATA_DIR (mode 0600, so
 * only the server's user can use it) that runs admin commands (./admin-commands.ts) on the
 * server's own database handle. One request per line, one answer per line, JSON:
 * `{ "command": "outbox.list", "args": {…} }` → `{ "ok": true, "result": … }` or
 * `{ "ok": false, "error": { "code", "message" } }`.
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '~/db/client';
import { AdminCommandError, runAdminCommand } from './admin-commands';

const requestSchema = z
  .object({ command: z.string().min(1).max(100), args: z.unknown().optional() })
  .strict();

const responseSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Requests longer than this are refused (commands take a few small arguments). */
const MAX_LINE = 64 * 1024;

export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, 'admin.sock');
}

async function answer(line: string, db: () => Promise<Database>): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(line);
  } catch {
    return JSON.stringify({ ok: false, error: { code: 'invalid_request', message: 'not JSON' } });
  }
  const request = requestSchema.safeParse(body);
  if (!request.success) {
    const message = request.error.issues
      .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
      .join('; ');
    return JSON.stringify({ ok: false, error: { code: 'invalid_request', message } });
  }
  try {
    const result = await runAdminCommand(await db(), request.data.command, request.data.args);
    return JSON.stringify({ ok: true, result });
  } catch (error) {
    const code = error instanceof AdminCommandError ? error.code : 'failed';
    return JSON.stringify({ ok: false, error: { code, message: (error as Error).message } });
  }
}

/**
 * Listens on `socketPath` (a leftover socket of a dead server is replaced: the caller holds the
 * database lock, so no live server owns it). close() stops listening and removes the file.
 */
export async function listenAdminSocket(
  socketPath: string,
  db: () => Promise<Database>,
): Promise<{ close(): Promise<void> }> {
  if (existsSync(socketPath)) unlinkSync(socketPath);
  const server: Server = createServer((socket) => {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_LINE && !buffered.includes('\n')) {
        socket.end(
          `${JSON.stringify({ ok: false, error: { code: 'invalid_request', message: 'request too long' } })}\n`,
        );
        return;
      }
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) void answer(line, db).then((reply) => socket.writable && socket.write(`${reply}\n`));
        newline = buffered.indexOf('\n');
      }
    });
  });
  // Created private: the umask narrows the mode before chmod makes it exact.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        try {
          unlinkSync(socketPath);
        } catch {
          // already gone
        }
      }),
  };
}

/** Asks the server listening on `socketPath` to run a command; rejects with its error message. */
export function sendAdminCommand(socketPath: string, command: string, args: unknown = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let buffered = '';
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      socket.end();
      const reply = responseSchema.safeParse(JSON.parse(buffered.slice(0, newline)));
      if (!reply.success)
        reject(new Error('The server answered the admin socket with something unexpected.'));
      else if (reply.data.ok) resolve(reply.data.result);
      else
        reject(
          new AdminCommandError(reply.data.error.code as AdminCommandError['code'], reply.data.error.message),
        );
    });
    socket.on('end', () => {
      if (!buffered.includes('\n'))
        reject(new Error('The server closed the admin socket without answering.'));
    });
    socket.on('connect', () => socket.write(`${JSON.stringify({ command, args })}\n`));
  });
}
