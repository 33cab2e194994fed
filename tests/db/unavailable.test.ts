/**
 * Which database errors mean "the database is not there right now" (a restart, a crash, no
 * route to it) rather than a fault of the request or the code: those become 503, not 500.
 * The shapes come from real drivers: pg's errors (SQLSTATE in `code`), Node's socket errors and
 * drizzle's DrizzleQueryError wrapping either as its `cause`.
 */
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '~/db/unavailable';

const pgError = (code: string, message = 'x') =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('isDatabaseUnavailable', () => {
  it('is true for a server shutting down, crashing or starting up, and for lost connections', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08003', '53300'])
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'])
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
  });

  it('looks through the causes drizzle and others wrap the driver error in', () => {
    const wrapped = new Error('Failed query: select 1', { cause: pgError('57P01') });
    expect(isDatabaseUnavailable(new Error('outer', { cause: wrapped }))).toBe(true);
  });

  it('is false for errors of the request or the code', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  describe('with a real driver', () => {
    it('is true for a query and a transaction against a port nobody listens on', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address() as { port: number };
          probe.close(() => resolve(address.port));
        });
      });
      const pool = new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x` });
      const db = drizzle(pool);
      try {
        const query = await db.execute(sql`select 1`).catch((error: unknown) => error);
        const transaction = await db
          .transaction(async (tx) => tx.execute(sql`select 1`))
          .catch((e: unknown) => e);
        expect(isDatabaseUnavailable(query)).toBe(true);
        expect(isDatabaseUnavailable(transaction)).toBe(true);
      } finally {
        await pool.end();
      }
    });
  });
});
