/**
 * The server's PostgreSQL pool through a database restart (issue 14, item 8b): connections the
 * server ends (pg_terminate_backend here, a restart or crash in production) must not crash the
 * process, whether they sit idle in the pool or are held by a transaction between two
 * statements, and the pool must connect again afterwards. A database that accepts the TCP
 * connection and never answers must fail the open within the connect timeout, not hang it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, openDatabase } from '~/db/client';
import { isDatabaseUnavailable } from '~/db/unavailable';
import { openPostgresSchema } from '~tests/notifications/test-databases';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) console.warn('PostgreSQL pool outage tests skipped: TEST_DATABASE_URL is not set.');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the PostgreSQL pool when the server ends its connections', () => {
  it.skipIf(!pgUrl)('does not crash, fails the transaction cleanly and connects again', async () => {
    const app = `outage-${randomUUID().slice(0, 8)}`;
    const url = new URL(pgUrl!);
    url.searchParams.set('application_name', app);
    const handle = await openPostgresSchema(url.href, 'outage');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    let resume = () => {};
    try {
      // Two connections at once: one stays idle in the pool, the transaction takes the other.
      await Promise.all([handle.db.execute(sql`select pg_sleep(0.05)`), handle.db.execute(sql`select 1`)]);
      let entered!: () => void;
      const inside = new Promise<void>((r) => {
        entered = r;
      });
      const held = new Promise<void>((r) => {
        resume = r;
      });
      const transaction = handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          entered();
          await held; // between two statements: the connection is checked out, no query running
          await tx.execute(sql`select 2`);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      await inside;
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [app],
      );
      expect(ended.rowCount).toBe(2);
      await pause(300); // the FATAL messages and socket ends arrive
      resume();
      const failure = await transaction;
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const again = (await handle.db.execute(sql`select 42 as n`)) as unknown as { rows: { n: number }[] };
      expect(again.rows[0]?.n).toBe(42);
    } finally {
      resume();
      await admin.end();
      await handle.close();
    }
  });
});

describe('opening a database that never answers', () => {
  const sockets: Socket[] = [];
  let silent: Server | undefined;
  afterAll(() => {
    for (const s of sockets) s.destroy();
    silent?.close();
  });

  it(
    'fails within the connect timeout instead of hanging',
    async () => {
      silent = createServer((socket) => void sockets.push(socket)); // accepts, never speaks
      const port = await new Promise<number>((resolve) => {
        silent!.listen(0, '127.0.0.1', () => resolve((silent!.address() as { port: number }).port));
      });
      const started = performance.now();
      const error = await openDatabase({ url: `postgres://x@127.0.0.1:${port}/x` }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
    },
    CONNECT_TIMEOUT_MS + 10_000,
  );
});
