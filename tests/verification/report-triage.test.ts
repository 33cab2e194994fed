/**
 * Triage of counterfeit reports on both databases: the console's list (status filter, keyset
 * pages, per-certificate counts, most reported first), status changes along the allowed
 * transitions with their audit entry, refused and stale changes that change nothing, notes;
 * and what a report is about, as the public verification page says it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { counterfeitReports, type ReportStatus, reportNotes } from '~/verification/db-schema';
import { listReports, type ReportListFilter } from '~/verification/report-list-store';
import { reportSubject } from '~/verification/report-subject';
import { addReportNote, moveReport, reportDetail } from '~/verification/report-triage-store';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, sampleCatalogue } from './fixtures';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`report triage on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    const insert = async (
      rows: { certificateId?: string | null; status?: ReportStatus; createdAt?: Date; contact?: string }[],
    ) =>
      (
        await handle.db
          .insert(counterfeitReports)
          .values(
            rows.map((r) => ({
              code: r.certificateId ?? 'KHONG-CO',
              outcome: r.certificateId ? ('genuine_code' as const) : ('not_found' as const),
              certificateId: r.certificateId ?? null,
              contact: r.contact ?? null,
              locale: 'vi' as const,
              ...(r.status ? { status: r.status } : {}),
              ...(r.createdAt ? { createdAt: r.createdAt } : {}),
            })),
          )
          .returning({ id: counterfeitReports.id })
      ).map((r) => r.id);
    const auditOf = (id: number) =>
      handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'report'), eq(auditLog.targetId, String(id))))
        .orderBy(auditLog.id);
    const statusOf = async (id: number) =>
      (await handle.db.select().from(counterfeitReports).where(eq(counterfeitReports.id, id)))[0]!.status;

    it('moves a report along the transitions, each move audited with before and after', async () => {
      const [id] = await insert([{ certificateId: 'qg-2023-nmpq' }]);
      expect(
        await moveReport(handle.db, operator, { id: id!, expected: 'new', to: 'investigating' }),
      ).toEqual({
        kind: 'moved',
        from: 'new',
        to: 'investigating',
      });
      expect(await moveReport(handle.db, operator, { id: id!, to: 'confirmed_counterfeit' })).toMatchObject({
        kind: 'moved',
      });
      expect(await statusOf(id!)).toBe('confirmed_counterfeit');
      const audit = await auditOf(id!);
      expect(audit.map((a) => [a.action, a.before, a.after, a.actorLabel, a.actorRole])).toEqual([
        ['report.status', { status: 'new' }, { status: 'investigating' }, 'op@example.vn', 'operator'],
        [
          'report.status',
          { status: 'investigating' },
          { status: 'confirmed_counterfeit' },
          'op@example.vn',
          'operator',
        ],
      ]);
    });

    it('refuses a move the transitions do not allow, a stale one and an unknown report: nothing changes', async () => {
      const [id] = await insert([{ certificateId: 'qg-2023-nmpq' }]);
      expect(await moveReport(handle.db, operator, { id: id!, to: 'confirmed_counterfeit' })).toEqual({
        kind: 'refused',
        from: 'new',
        to: 'confirmed_counterfeit',
      });
      expect(
        await moveReport(handle.db, operator, { id: id!, expected: 'investigating', to: 'closed' }),
      ).toEqual({
        kind: 'stale',
        current: 'new',
      });
      expect(await moveReport(handle.db, operator, { id: 987_654, to: 'closed' })).toEqual({
        kind: 'not_found',
      });
      expect(await statusOf(id!)).toBe('new');
      expect(await auditOf(id!)).toEqual([]);
    });

    it('adds notes with their author, oldest first, each audited in the same transaction', async () => {
      const [id] = await insert([{ certificateId: 'kv-2024-binh-gom', contact: '0901 234 567' }]);
      const first = await addReportNote(handle.db, operator, { id: id!, body: '  Đã gọi cho người báo.  ' });
      expect(first.kind).toBe('added');
      await addReportNote(
        handle.db,
        { ...operator, id: 'u-2', label: 'b@example.vn' },
        { id: id!, body: 'Second' },
      );
      const detail = await reportDetail(handle.db, id!);
      expect(detail?.report.contact).toBe('0901 234 567');
      expect(detail?.notes.map((n) => [n.body, n.authorId, n.authorLabel])).toEqual([
        ['Đã gọi cho người báo.', 'u-op', 'op@example.vn'],
        ['Second', 'u-2', 'b@example.vn'],
      ]);
      const audit = await auditOf(id!);
      expect(audit.map((a) => [a.action, a.after])).toEqual([
        ['report.note', { note: first.kind === 'added' ? first.noteId : -1, body: 'Đã gọi cho người báo.' }],
        ['report.note', { note: detail!.notes[1]!.id, body: 'Second' }],
      ]);
      expect(await addReportNote(handle.db, operator, { id: 987_654, body: 'x' })).toEqual({
        kind: 'not_found',
      });
      await expect(addReportNote(handle.db, operator, { id: id!, body: '   ' })).rejects.toThrow(RangeError);
      expect(await handle.db.select().from(reportNotes).where(eq(reportNotes.reportId, id!))).toHaveLength(2);
    });

    describe('the list', () => {
      // A schema of its own would be cleaner; instead each check looks at rows it made, by id.
      let ids: number[] = [];
      let counts: Map<number, number | null>;
      beforeAll(async () => {
        await handle.db.delete(counterfeitReports);
        const base = Date.parse('2025-06-01T08:00:00Z');
        const at = (minutes: number) => new Date(base + minutes * 60_000);
        // 130 reports: 120 of them share a created_at in pairs (ties broken by id), over four
        // certificates reported 60, 30, 20 and 10 times, plus 10 without a certificate.
        const certs = ['cert-a', 'cert-b', 'cert-c', 'cert-d'];
        const plan = [60, 30, 20, 10];
        const rows: Parameters<typeof insert>[0] = [];
        plan.forEach((n, c) => {
          for (let i = 0; i < n; i++)
            rows.push({ certificateId: certs[c]!, createdAt: at(Math.floor(rows.length / 2)) });
        });
        for (let i = 0; i < 10; i++) rows.push({ createdAt: at(100 + i) });
        ids = await insert(rows);
        // Close a few, move some to investigating.
        await handle.db
          .update(counterfeitReports)
          .set({ status: 'closed' })
          .where(eq(counterfeitReports.certificateId, 'cert-d'));
        await handle.db
          .update(counterfeitReports)
          .set({ status: 'investigating' })
          .where(eq(counterfeitReports.id, ids[0]!));
        counts = new Map(
          ids.map((id, i) => [id, i < 60 ? 60 : i < 90 ? 30 : i < 110 ? 20 : i < 120 ? 10 : null]),
        );
      });

      const all = async (filter: Omit<ReportListFilter, 'after'>, limit = 7) => {
        const seen: Awaited<ReturnType<typeof listReports>>['rows'] = [];
        let after: string | undefined;
        let pages = 0;
        do {
          const page = await listReports(handle.db, { ...filter, after, limit });
          seen.push(...page.rows);
          after = page.next;
          pages++;
        } while (after && pages < 100);
        return { seen, pages };
      };

      it('pages newest first by keyset, every row once, ties on time broken by id', async () => {
        const { seen, pages } = await all({ statuses: [], sort: 'newest' });
        const minute = (i: number) => (i < 120 ? Math.floor(i / 2) : 100 + i - 120);
        const expected = ids
          .map((id, i) => ({ id, at: minute(i) }))
          .sort((a, b) => b.at - a.at || b.id - a.id);
        expect(seen.map((r) => r.id)).toEqual(expected.map((e) => e.id));
        expect(pages).toBe(Math.ceil(130 / 7));
        expect(new Set(seen.map((r) => r.id)).size).toBe(130);
      });

      it('counts the reports of each certificate, whatever their status', async () => {
        const { seen } = await all({ statuses: [], sort: 'newest' });
        for (const row of seen) expect(row.certificateReports).toBe(counts.get(row.id));
        // cert-d's ten reports are closed, yet an open list would still say 10 for them.
        const detail = await reportDetail(handle.db, ids[115]!);
        expect(detail?.certificateReports).toBe(10);
        expect((await reportDetail(handle.db, ids[125]!))?.certificateReports).toBeNull();
      });

      it('filters by status (the default: new and investigating)', async () => {
        const open = await all({ statuses: ['new', 'investigating'], sort: 'newest' });
        expect(open.seen).toHaveLength(120);
        expect(open.seen.some((r) => r.certificateId === 'cert-d')).toBe(false);
        const ofC = await all({ statuses: [], sort: 'newest', certificateId: 'cert-c' });
        expect(ofC.seen).toHaveLength(20);
        expect(ofC.seen.every((r) => r.certificateId === 'cert-c' && r.certificateReports === 20)).toBe(true);
        const ofCMost = await all({ statuses: [], sort: 'most_reported', certificateId: 'cert-c' });
        expect(ofCMost.seen.map((r) => r.id)).toEqual(ofC.seen.map((r) => r.id).sort((a, b) => b - a));
        const investigating = await listReports(handle.db, { statuses: ['investigating'], sort: 'newest' });
        expect(investigating.rows.map((r) => r.id)).toEqual([ids[0]]);
        expect(investigating.next).toBeUndefined();
      });

      it('puts the most reported certificates first, grouped, by keyset too', async () => {
        const { seen } = await all({ statuses: [], sort: 'most_reported' });
        expect(seen).toHaveLength(120);
        expect(seen.map((r) => r.certificateReports)).toEqual([
          ...Array(60).fill(60),
          ...Array(30).fill(30),
          ...Array(20).fill(20),
          ...Array(10).fill(10),
        ]);
        expect(seen.slice(0, 60).every((r) => r.certificateId === 'cert-a')).toBe(true);
        const aIds = seen.slice(0, 60).map((r) => r.id);
        expect(aIds).toEqual([...aIds].sort((a, b) => b - a));
        const openOnly = await all({ statuses: ['new'], sort: 'most_reported' });
        expect(openOnly.seen).toHaveLength(109);
        expect(openOnly.seen[0]!.certificateReports).toBe(60);
      });

      it('keeps microseconds in the cursor: reports within one millisecond are all listed', async () => {
        const made = await handle.db
          .insert(counterfeitReports)
          .values(
            ['123100', '123700', '123400'].map((us) => ({
              code: `us-${us}`,
              outcome: 'not_found' as const,
              locale: 'vi' as const,
              status: 'not_counterfeit' as const,
              createdAt: sql`${`2024-01-01T00:00:00.${us}Z`}::timestamptz`,
            })),
          )
          .returning({ id: counterfeitReports.id });
        const { seen, pages } = await all({ statuses: ['not_counterfeit'], sort: 'newest' }, 1);
        expect(seen.map((r) => r.code)).toEqual(['us-123700', 'us-123400', 'us-123100']);
        expect(pages).toBe(3);
        expect(made).toHaveLength(3);
      });

      it('starts again from the top when the cursor is garbage', async () => {
        const first = await listReports(handle.db, { statuses: [], sort: 'newest', limit: 3 });
        const garbage = await listReports(handle.db, {
          statuses: [],
          sort: 'newest',
          limit: 3,
          after: 'nonsense',
        });
        expect(garbage.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
        const mixed = await listReports(handle.db, {
          statuses: [],
          sort: 'most_reported',
          limit: 3,
          after: first.next,
        });
        expect(mixed.rows[0]!.certificateReports).toBe(60);
      });
    });
  });
}

describe('what a report is about', () => {
  const catalogue = sampleCatalogue();

  it('gives the certificate, product and facility with the status the verification page shows', () => {
    const valid = reportSubject(catalogue, 'kv-2024-binh-gom', AS_OF, 'en');
    expect(valid?.record.status).toBe('valid');
    expect(valid?.record.product?.name).toBe('Bình gốm men lam');
    expect(valid?.record.facility?.name).toBe('HTX Gốm Bát Tràng');
    expect(valid?.verdict.tone).toBe('ok');
    expect(reportSubject(catalogue, 'tinh-2022-am-chen', AS_OF, 'vi')?.record.status).toBe('revoked');
    expect(reportSubject(catalogue, 'tinh-2018-am-chen', AS_OF, 'vi')?.record.status).toBe('expired');
    expect(reportSubject(catalogue, 'tinh-2022-nmpq', AS_OF, 'vi')?.record.status).toBe('superseded');
  });

  it('is null without a certificate or for one no longer in the register', () => {
    expect(reportSubject(catalogue, null, AS_OF, 'vi')).toBeNull();
    expect(reportSubject(catalogue, 'gone-2020', AS_OF, 'vi')).toBeNull();
  });
});
