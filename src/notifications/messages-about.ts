/**
 * The messages about one thing: those whose ref is `ref` or starts with `ref/` (an order's
 * confirmation has its number as ref, a facility's notice "number/facility", a shipment update
 * "number/facility/status"), oldest first. Read through the outbox_messages_ref index
 * (migration 0106): text_pattern_ops compares bytes, so the prefix is one index range.
 */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { type OutboxRow, outboxMessages } from './db-schema';

/** The most an order's page shows; an order makes a handful, a retried quote a few more. */
const MAX_MESSAGES = 200;

export async function messagesAbout(db: Database, ref: string): Promise<OutboxRow[]> {
  // "/" is 0x2F and "0" the byte after it: [ref + "/", ref + "0") holds exactly the refs under it.
  const under = sql`(${outboxMessages.ref} ~>=~ ${`${ref}/`} and ${outboxMessages.ref} ~<~ ${`${ref}0`})`;
  return db
    .select()
    .from(outboxMessages)
    .where(or(eq(outboxMessages.ref, ref), under))
    .orderBy(asc(outboxMessages.id))
    .limit(MAX_MESSAGES);
}
