/**
 * The console dashboard's queues (and GET /api/admin/queues, which returns the same object):
 * every queue has a link and a label in both languages, and pending facility claims are counted
 * while decided ones are not, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_KEYS, QUEUE_LINKS, queueCounts } from '~/backoffice/dashboard';
import { consoleStrings } from '~/backoffice/strings';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { decideClaim, storeClaim } from '~/portal/claims-store';
import { testEngines } from '../notifications/test-databases';

const GOM = 'gom-bat-trang';

describe('the dashboard queues', () => {
  it('link pending facility claims to their console page', () => {
    expect(QUEUE_KEYS).toContain('facilityClaimsPending');
    expect(QUEUE_LINKS.facilityClaimsPending).toBe('/admin/facility-claims/');
  });

  it('have a label in Vietnamese and English for every queue', () => {
    for (const locale of ['vi', 'en'] as const) {
      const t = consoleStrings(locale);
      for (const key of QUEUE_KEYS) expect(t(`queue_${key}`), `${locale} ${key}`).not.toMatch(/^queue_/);
    }
    expect(consoleStrings('vi')('queue_facilityClaimsPending')).toBe('Yêu cầu quản lý cơ sở chờ duyệt');
    expect(consoleStrings('en')('queue_facilityClaimsPending')).toBe('Facility claims awaiting a decision');
  });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`queue counts (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => handle?.close());

    it('are all zero on an empty database, one number per queue', async () => {
      const counts = await queueCounts(handle.db);
      expect(Object.keys(counts).sort()).toEqual([...QUEUE_KEYS].sort());
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    });

    it('count a pending facility claim and not a decided one', async () => {
      const pending = await storeClaim(handle.db, {
        facilityId: GOM,
        email: 'waiting@example.vn',
        certificateId: 'kv-2024-binh-gom',
      });
      const decided = await storeClaim(handle.db, {
        facilityId: GOM,
        email: 'refused@example.vn',
        certificateId: 'kv-2024-binh-gom',
      });
      if (pending.kind !== 'stored' || decided.kind !== 'stored') throw new Error('claims not stored');
      expect((await queueCounts(handle.db)).facilityClaimsPending).toBe(2);

      const outcome = await decideClaim(
        handle.db,
        commandActor('test'),
        decided.id,
        { kind: 'refuse', reason: 'Số giấy chứng nhận không khớp.' },
        () => 'HTX Gốm Bát Tràng',
      );
      expect(outcome.kind).toBe('decided');
      const counts = await queueCounts(handle.db);
      expect(counts.facilityClaimsPending).toBe(1);
      // The refusal queued an e-mail to send, not a failed or retrying one.
      expect(counts).toMatchObject({ emailsFailed: 0, emailsRetrying: 0, reportsNew: 0 });
    });
  });
}
