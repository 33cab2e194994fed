/** The outbox's console queue: messages that failed for good, and those waiting to be retried. */
import { and, count, eq, gt } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { outboxMessages } from './db-schema';

export interface OutboxCounts {
  failed: number;
  retrying: number;
}

export async function outboxCounts(db: Database): Promise<OutboxCounts> {
  const [[failed], [retrying]] = await Promise.all([
    db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, 'failed')),
    db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), gt(outboxMessages.attempts, 0))),
  ]);
  return { failed: failed?.n ?? 0, retrying: retrying?.n ?? 0 };
}
