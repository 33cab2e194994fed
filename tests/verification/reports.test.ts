import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '~/db/client';
import { RateLimiter } from '~/security/rate-limit';
import { signBadgeCode } from '~/verification/badge-code';
import { counterfeitReports } from '~/verification/db-schema';
import { handleReportForm, handleReportPost, type ReportDeps } from '~/verification/report-api';
import { databaseReportStore } from '~/verification/report-store';
import { sampleCatalogue, testKeyring } from './fixtures';

const keyring = testKeyring();
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl)
  console.warn('tests/verification/reports: PostgreSQL variant skipped: TEST_DATABASE_URL is not set');

const engines = [
  { name: 'PGlite', skip: false, open: () => openDatabase({ pgliteDir: 'memory://' }) },
  {
    name: 'PostgreSQL',
    skip: !pgUrl,
    open: async () => {
      const handle = await openDatabase({ url: pgUrl });
      // Shared database: start from an empty table of our own.
      await handle.db.delete(counterfeitReports);
      return handle;
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`counterfeit reports on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    const deps = (address: string, limiter = new RateLimiter()): ReportDeps => ({
      catalogue: async () => sampleCatalogue(),
      verifiers: () => keyring.verifiers,
      store: async () => databaseReportStore(handle.db),
      limiter,
      address,
    });
    const post = (body: unknown, d: ReportDeps, type = 'application/json') =>
      handleReportPost(
        new Request('http://localhost/api/reports', {
          method: 'POST',
          headers: { 'content-type': type },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
        d,
      );

    it('has the columns the drizzle table declares (migration 0201)', async () => {
      const { rows } = (await handle.db.execute(
        sql`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'counterfeit_reports' AND table_schema = current_schema()`,
      )) as unknown as { rows: { column_name: string; is_nullable: string }[] };
      const shape = (cols: { name: string; notNull: boolean }[]) =>
        cols.map((c) => `${c.name}${c.notNull ? '!' : ''}`).sort();
      expect(shape(rows.map((r) => ({ name: r.column_name, notNull: r.is_nullable === 'NO' })))).toEqual(
        shape(getTableConfig(counterfeitReports).columns),
      );
    });

    it('stores a report with the outcome the server finds for the code', async () => {
      const forged = signBadgeCode(
        { id: 'qg-2023-nmpq', level: 'national', year: 2023, validUntil: '2029-12-31' },
        testKeyring().signer,
      );
      const d = deps('10.0.0.1');
      const results: { id: number; outcome: string }[] = [];
      for (const code of ['999/GCN-FAKE', forged, '173/GCN-BCT']) {
        const res = await post({ code, place: ' Chợ Bến Thành ', details: '', locale: 'en' }, d);
        expect(res.status).toBe(201);
        results.push((await res.json()) as { id: number; outcome: string });
      }
      expect(results.map((r) => r.outcome)).toEqual(['not_found', 'bad_signature', 'genuine_code']);
      const rows = await handle.db.select().from(counterfeitReports);
      const last = rows.find((r) => r.id === results[2]!.id)!;
      expect(last).toMatchObject({
        code: '173/GCN-BCT',
        certificateId: 'qg-2023-nmpq',
        place: 'Chợ Bến Thành',
        details: null,
        contact: null,
        locale: 'en',
      });
    });

    it('validates with fields, refuses non-JSON bodies', async () => {
      const res = await post({ code: '', contact: 'x'.repeat(201) }, deps('10.0.0.2'));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid_request');
      expect(Object.keys(body.error.fields).sort()).toEqual(['code', 'contact']);
      expect((await post('code=x', deps('10.0.0.2'), 'application/x-www-form-urlencoded')).status).toBe(415);
      expect((await post('{oops', deps('10.0.0.2'))).status).toBe(400);
    });

    it('rate-limits per address: 5 reports per 10 minutes', async () => {
      const limiter = new RateLimiter();
      for (let i = 0; i < 5; i++)
        expect((await post({ code: `x-${i}` }, deps('10.0.0.3', limiter))).status).toBe(201);
      const limited = await post({ code: 'x-6' }, deps('10.0.0.3', limiter));
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      expect((await post({ code: 'x-7' }, deps('10.0.0.4', limiter))).status).toBe(201);
    });

    it('takes the no-JavaScript form: invalid fields named, then stored', async () => {
      const form = new FormData();
      form.set('code', '   ');
      form.set('details', 'd'.repeat(2001));
      expect(await handleReportForm(form, 'vi', deps('10.0.0.5'))).toEqual({
        kind: 'invalid',
        invalid: ['code', 'details'],
        values: { code: '   ', details: 'd'.repeat(2001) },
      });
      form.set('code', 'hàng giả 123');
      form.set('details', 'Tem in mờ');
      const sent = await handleReportForm(form, 'vi', deps('10.0.0.5'));
      expect(sent.kind).toBe('sent');
    });
  });
}
