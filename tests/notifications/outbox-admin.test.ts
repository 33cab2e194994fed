/**
 * The console's e-mail screen on both databases: failed and retrying messages newest first in
 * keyset pages, "retry now" making a failed message due (audited in its transaction) so the
 * next delivery run sends it, and refusing what has nothing to retry.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';
import { deliverPending, enqueueMessage } from '~/notifications/outbox';
import { listTroubledMessages, outboxMessage, retryMessageNow } from '~/notifications/outbox-admin';
import { MAX_ATTEMPTS } from '~/notifications/retry';
import type { MailTransport, OutgoingMail } from '~/notifications/transport';
import { testEngines } from './test-databases';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };

function transport(fail: boolean): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    name: 'test',
    sent,
    async send(mail) {
      if (fail) throw new Error('SMTP 550 mailbox unavailable');
      sent.push(mail);
    },
  };
}

const message = (ref: string) => ({
  kind: 'order-confirmation',
  ref,
  to: `buyer-${ref}@example.vn`,
  subject: `Đơn hàng ${ref}`,
  text: `Cảm ơn bạn đã đặt hàng ${ref}.`,
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`outbox in the console on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });
    beforeEach(async () => {
      await handle.db.execute(sql`TRUNCATE outbox_messages`);
    });

    /** Messages in each state: sent, queued (never tried), retrying (1 failed try), failed (gave up). */
    async function states() {
      const ids: Record<string, number> = {};
      for (const ref of ['sent', 'queued', 'retrying', 'failed'])
        ids[ref] = (await enqueueMessage(handle.db, message(ref))).id;
      await handle.db
        .update(outboxMessages)
        .set({ status: 'sent', attempts: 1 })
        .where(eq(outboxMessages.id, ids.sent!));
      await handle.db
        .update(outboxMessages)
        .set({ attempts: 1, lastError: 'SMTP 421', nextAttemptAt: new Date(Date.now() + 30_000) })
        .where(eq(outboxMessages.id, ids.retrying!));
      await handle.db
        .update(outboxMessages)
        .set({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'SMTP 550 mailbox unavailable' })
        .where(eq(outboxMessages.id, ids.failed!));
      return ids as Record<'sent' | 'queued' | 'retrying' | 'failed', number>;
    }

    it('lists failed and retrying messages only, newest first, filtered by trouble', async () => {
      const ids = await states();
      const all = await listTroubledMessages(handle.db);
      expect(all.rows.map((r) => [r.id, r.trouble])).toEqual([
        [ids.failed, 'failed'],
        [ids.retrying, 'retrying'],
      ]);
      expect(all.rows[0]).toMatchObject({
        kind: 'order-confirmation',
        ref: 'failed',
        toAddress: 'buyer-failed@example.vn',
        attempts: MAX_ATTEMPTS,
        lastError: 'SMTP 550 mailbox unavailable',
      });
      expect(all.next).toBeUndefined();
      expect((await listTroubledMessages(handle.db, { only: 'failed' })).rows.map((r) => r.id)).toEqual([
        ids.failed,
      ]);
      expect((await listTroubledMessages(handle.db, { only: 'retrying' })).rows.map((r) => r.id)).toEqual([
        ids.retrying,
      ]);
    });

    it('pages by keyset, each troubled message once', async () => {
      for (let i = 0; i < 23; i++) await enqueueMessage(handle.db, message(`m-${i}`));
      await handle.db.update(outboxMessages).set({ status: 'failed', attempts: MAX_ATTEMPTS });
      const seen: number[] = [];
      let after: number | undefined;
      let pages = 0;
      do {
        const page = await listTroubledMessages(handle.db, { after, limit: 5 });
        seen.push(...page.rows.map((r) => r.id));
        after = page.next;
        pages++;
      } while (after);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(23);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
    });

    it('retry now: a failed message goes back to pending, due now, audited; delivery then sends it', async () => {
      const ids = await states();
      const now = new Date();
      expect(await retryMessageNow(handle.db, operator, ids.failed, now)).toEqual({ kind: 'queued' });
      const row = await outboxMessage(handle.db, ids.failed);
      expect(row).toMatchObject({ status: 'pending', attempts: MAX_ATTEMPTS });
      expect(row!.nextAttemptAt.getTime()).toBe(now.getTime());
      const [audit] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'email.retry'), eq(auditLog.targetId, String(ids.failed))));
      expect(audit).toMatchObject({
        targetType: 'email',
        actorLabel: 'op@example.vn',
        before: { status: 'failed', attempts: MAX_ATTEMPTS },
        after: { status: 'pending', nextAttemptAt: now.toISOString() },
      });

      const ok = transport(false);
      const report = await deliverPending(handle.db, ok, { now: new Date(now.getTime() + 1) });
      // The queued one was due too; the retrying one is not due for 30 s.
      expect(ok.sent.map((m) => m.ref).sort()).toEqual(['failed', 'queued']);
      expect(report.sent).toBe(2);
      expect((await outboxMessage(handle.db, ids.failed))?.status).toBe('sent');
      expect((await listTroubledMessages(handle.db)).rows.map((r) => r.id)).toEqual([ids.retrying]);
    });

    it('a retried message that fails again is failed for good again, not retried for two more days', async () => {
      const ids = await states();
      await retryMessageNow(handle.db, operator, ids.failed);
      await deliverPending(handle.db, transport(true), { now: new Date(Date.now() + 1) });
      expect(await outboxMessage(handle.db, ids.failed)).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS + 1,
      });
    });

    it('retries a retrying message at once; refuses a sent, a never-tried and an unknown message', async () => {
      const ids = await states();
      expect(await retryMessageNow(handle.db, operator, ids.retrying)).toEqual({ kind: 'queued' });
      expect((await outboxMessage(handle.db, ids.retrying))!.nextAttemptAt.getTime()).toBeLessThanOrEqual(
        Date.now(),
      );
      expect(await retryMessageNow(handle.db, operator, ids.sent)).toEqual({
        kind: 'not_troubled',
        status: 'sent',
      });
      expect(await retryMessageNow(handle.db, operator, ids.queued)).toEqual({
        kind: 'not_troubled',
        status: 'pending',
      });
      expect(await retryMessageNow(handle.db, operator, 987_654)).toEqual({ kind: 'not_found' });
      const audited = await handle.db
        .select({ id: auditLog.targetId })
        .from(auditLog)
        .where(eq(auditLog.action, 'email.retry'));
      expect(audited.map((a) => a.id)).not.toContain(String(ids.sent));
      expect(audited.map((a) => a.id)).not.toContain(String(ids.queued));
    });
  });
}
