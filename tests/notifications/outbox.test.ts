import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';
import { deliverPending, enqueueMessage, listOutbox } from '~/notifications/outbox';
import { MAX_ATTEMPTS, retryDelayMs } from '~/notifications/retry';
import { fileTransport, type MailTransport, type OutgoingMail, readMailbox } from '~/notifications/transport';
import { testEngines } from './test-databases';

function recordingTransport(failTimes = 0): MailTransport & { sent: OutgoingMail[] } {
  let failures = 0;
  const sent: OutgoingMail[] = [];
  return {
    name: 'recording',
    sent,
    async send(mail) {
      if (failures < failTimes) {
        failures++;
        throw new Error('SMTP 421 try again later');
      }
      sent.push(mail);
    },
  };
}

const message = (ref: string, to = 'buyer@example.vn') => ({
  kind: 'order-confirmation',
  ref,
  to,
  subject: `Đơn hàng ${ref}`,
  text: `Cảm ơn bạn đã đặt hàng ${ref}.`,
});

describe('retry policy', () => {
  it('backs off exponentially from 30 s and caps at 6 h', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(5)).toBe(480_000);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`outbox on ${engine.name}`, () => {
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

    it('stores a message once per (kind, ref, to) and delivers it once', async () => {
      const first = await enqueueMessage(handle.db, message('CNNT-1'));
      const again = await enqueueMessage(handle.db, message('CNNT-1'));
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      const transport = recordingTransport();
      expect(await deliverPending(handle.db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await deliverPending(handle.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(transport.sent.map((m) => [m.id, m.to, m.subject])).toEqual([
        [first.id, 'buyer@example.vn', 'Đơn hàng CNNT-1'],
      ]);
      const [row] = await listOutbox(handle.db, { ref: 'CNNT-1' });
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    });

    it('rejects a malformed message naming the field', async () => {
      await expect(enqueueMessage(handle.db, message('CNNT-2', 'not-an-address'))).rejects.toThrow(/email/i);
      expect(await listOutbox(handle.db)).toEqual([]);
    });

    it('retries a failed send only when it falls due, then succeeds', async () => {
      await enqueueMessage(handle.db, message('CNNT-3'));
      const transport = recordingTransport(2);
      const t0 = new Date(Date.now() + 1000);
      expect(await deliverPending(handle.db, transport, { now: t0 })).toEqual({
        sent: 0,
        retrying: 1,
        failed: 0,
      });
      const [afterFirst] = await listOutbox(handle.db);
      expect(afterFirst).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'SMTP 421 try again later',
      });
      expect(afterFirst!.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
      // Not yet due: nothing is tried.
      expect(await deliverPending(handle.db, transport, { now: new Date(t0.getTime() + 29_000) })).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      const t1 = new Date(t0.getTime() + retryDelayMs(1));
      expect(await deliverPending(handle.db, transport, { now: t1 })).toEqual({
        sent: 0,
        retrying: 1,
        failed: 0,
      });
      const t2 = new Date(t1.getTime() + retryDelayMs(2));
      expect(await deliverPending(handle.db, transport, { now: t2 })).toEqual({
        sent: 1,
        retrying: 0,
        failed: 0,
      });
      expect(await listOutbox(handle.db, { status: 'sent' })).toHaveLength(1);
    });

    it('gives up after the last attempt and keeps the error', async () => {
      await enqueueMessage(handle.db, message('CNNT-4'));
      await handle.db.update(outboxMessages).set({ attempts: MAX_ATTEMPTS - 1 });
      const report = await deliverPending(handle.db, recordingTransport(99), {
        now: new Date('2099-01-01T00:00:00Z'),
      });
      expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
      const [row] = await listOutbox(handle.db);
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    });

    it('hands each message to exactly one of several concurrent deliverers', async () => {
      for (let i = 0; i < 30; i++) await enqueueMessage(handle.db, message(`CNNT-C${i}`));
      const transport = recordingTransport();
      const reports = await Promise.all(
        [1, 2, 3].map(() => deliverPending(handle.db, transport, { limit: 10 })),
      );
      const more = await deliverPending(handle.db, transport);
      expect(reports.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(30);
      expect(new Set(transport.sent.map((m) => m.id)).size).toBe(30);
      expect(transport.sent).toHaveLength(30);
    });

    it('writes delivered mail to the file mailbox that npm run outbox reads', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'mailbox-'));
      await enqueueMessage(handle.db, { ...message('CNNT-5'), html: '<p>Cảm ơn</p>' });
      await deliverPending(handle.db, fileTransport(dir));
      expect(await readdir(dir)).toHaveLength(1);
      const [mail] = await readMailbox(dir);
      expect(mail).toMatchObject({
        ref: 'CNNT-5',
        to: 'buyer@example.vn',
        html: '<p>Cảm ơn</p>',
        kind: 'order-confirmation',
      });
    });
  });
}
