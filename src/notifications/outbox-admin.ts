/**
 * The outbox as the console works it: the messages in trouble (failed for good, or pending
 * after a failed try), newest first in keyset pages, one message as it was sent, and "retry
 * now", audited in the transaction that reschedules the message.
 */
import { and, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type OutboxRow, outboxMessages } from './db-schema';

export const TROUBLED_PAGE_SIZE = 50;

/** failed: the worker gave up; retrying: a try failed and the next is scheduled. */
export type Trouble = 'failed' | 'retrying';

export type TroubledMessage = Pick<
  OutboxRow,
  'id' | 'kind' | 'ref' | 'toAddress' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'createdAt'
> & { trouble: Trouble };

const m = outboxMessages;
const failed = eq(m.status, 'failed');
const retrying = and(eq(m.status, 'pending'), gt(m.attempts, 0))!;

export function troubleOf(row: Pick<OutboxRow, 'status' | 'attempts'>): Trouble | null {
  if (row.status === 'failed') return 'failed';
  return row.status === 'pending' && row.attempts > 0 ? 'retrying' : null;
}

export async function listTroubledMessages(
  db: Database,
  filter: { only?: Trouble | undefined; after?: number | undefined; limit?: number } = {},
): Promise<{ rows: TroubledMessage[]; next?: number }> {
  const limit = filter.limit ?? TROUBLED_PAGE_SIZE;
  const where: SQL[] = [
    filter.only === 'failed' ? failed : filter.only === 'retrying' ? retrying : or(failed, retrying)!,
  ];
  // Ids follow insertion, so "below the last id shown" is "older than the last message shown".
  if (filter.after) where.push(lt(m.id, filter.after));
  const rows = await db
    .select({
      id: m.id,
      kind: m.kind,
      ref: m.ref,
      toAddress: m.toAddress,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: m.nextAttemptAt,
      createdAt: m.createdAt,
    })
    .from(m)
    .where(and(...where))
    .orderBy(desc(m.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ status, ...row }) => ({
    ...row,
    trouble: troubleOf({ status, attempts: row.attempts }) ?? 'retrying',
  }));
  return rows.length > limit ? { rows: page, next: page[page.length - 1]!.id } : { rows: page };
}

/** One message as it was (or will be) sent. */
export async function outboxMessage(db: Database, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(m).where(eq(m.id, id));
  return row;
}

export type RetryOutcome =
  | { kind: 'queued' }
  | { kind: 'not_found' }
  /** Sent already, or pending without a failed try: there is nothing to retry. */
  | { kind: 'not_troubled'; status: OutboxRow['status'] };

/**
 * Makes a failed or retrying message due now; the caller then kicks delivery. The count of
 * attempts is kept, so a message that had given up fails for good again if this try fails
 * too, rather than starting two more days of retries. A message being handed to the mail
 * server at this very moment (its lease looks like a scheduled retry) could go out twice; the
 * window is the few seconds of one send, and a duplicate beats a message never sent.
 */
export async function retryMessageNow(
  db: Database,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<RetryOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: m.status, attempts: m.attempts, nextAttemptAt: m.nextAttemptAt })
      .from(m)
      .where(eq(m.id, id))
      .for('update');
    if (!row) return { kind: 'not_found' };
    if (!troubleOf(row)) return { kind: 'not_troubled', status: row.status };
    await tx.update(m).set({ status: 'pending', nextAttemptAt: now }).where(eq(m.id, id));
    await appendAudit(tx, actor, {
      action: 'email.retry',
      target: { type: 'email', id: String(id) },
      before: { status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt.toISOString() },
      after: { status: 'pending', nextAttemptAt: now.toISOString() },
    });
    return { kind: 'queued' };
  });
}
