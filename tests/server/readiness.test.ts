import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '~/db/client';
import { handleReadiness, readiness } from '~/server/readiness';

describe('readiness', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  }, 120_000);
  afterAll(() => handle?.close());

  const search = () => Promise.resolve({});

  it('is 200 ok when the database is migrated and search is ready', async () => {
    const response = await handleReadiness({ database: async () => handle.db, search });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', search: 'ok' } });
  });

  it('is 503 naming a database that fails, hangs or is not migrated', async () => {
    const failing = await handleReadiness({
      database: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
      search,
    });
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'unavailable: connect ECONNREFUSED 127.0.0.1:5432', search: 'ok' },
    });
    const hung = await readiness({ database: () => new Promise(() => {}), search }, 50);
    expect(hung.checks.database).toBe('unavailable: no answer within 50 ms');
    await handle.db.execute(`DELETE FROM schema_migrations WHERE name = '0201_counterfeit_reports.sql'`);
    const behind = await readiness({ database: async () => handle.db, search });
    expect(behind.checks.database).toBe('not migrated: 0201_counterfeit_reports.sql');
  });

  it('is 503 when search is not ready', async () => {
    const result = await readiness({
      database: async () => handle.db,
      search: () => Promise.reject(new Error('meilisearch down')),
    });
    expect(result).toEqual({
      status: 'unavailable',
      checks: { database: expect.any(String), search: 'unavailable: meilisearch down' },
    });
  });
});
