/**
 * The transactional outbox. Code that must tell someone something (an order confirmation, a
 * new order for a facility, a quote request) calls enqueueMessage inside the same database
 * transaction as the change it announces, so a message exists exactly when the change does.
 * deliverPending then sends due messages through a MailTransport and reschedules failures
 * with backoff (./retry.ts). Several deliverers may run at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so each message is handed to the transport by one of them.
 */
import { and, asc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '~/db/client';
import { type OutboxRow, outboxMessages } from './db-schema';
import { retryDelayMs, shouldGiveUp } from './retry';
import type { MailTransport } from './transport';

const messageSchema = z.object({
  /** What the message is, e.g. "order-confirmation", "facility-new-order", "quote-request". */
  kind: z.string().regex(/^[a-z0-9-]{2,60}$/, 'kind is a short lower-case slug'),
  /** The thing it is about, e.g. an order number or quote reference. */
  ref: z.string().min(1).max(200),
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
});

export type NewMessage = z.input<typeof messageSchema>;

/**
 * Adds a message to the outbox (pass the transaction of the change it announces). The same
 * (kind, ref, to) is stored once: enqueuing it again returns the existing id with created=false.
 */
export async function enqueueMessage(
  db: Database,
  message: NewMessage,
): Promise<{ id: number; created: boolean }> {
  const m = messageSchema.parse(message);
  // Due "now" by this process's clock, at millisecond precision: deliverPending compares with a
  // JavaScript Date, and PostgreSQL's now() (microseconds) could otherwise lie just after it.
  const inserted = await db
    .insert(outboxMessages)
    .values({
      kind: m.kind,
      ref: m.ref,
      toAddress: m.to,
      subject: m.subject,
      textBody: m.text,
      htmlBody: m.html ?? null,
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: outboxMessages.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.kind, m.kind), eq(outboxMessages.ref, m.ref), eq(outboxMessages.toAddress, m.to)),
    );
  if (!existing) throw new Error(`outbox: conflicting message ${m.kind}/${m.ref} vanished`);
  return { id: existing.id, created: false };
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, will be tried again later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

/** How long a claimed message stays invisible to other deliverers while it is being sent. */
const LEASE_MS = 5 * 60 * 1000;

async function claimDue(db: Database, now: Date, limit: number): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
      .orderBy(asc(outboxMessages.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          outboxMessages.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Sends the messages that are due, up to `limit`, and records each outcome. */
export async function deliverPending(
  db: Database,
  transport: MailTransport,
  options: { now?: Date; limit?: number } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const rows = await claimDue(db, now, options.limit ?? 50);
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      await transport.send({
        id: row.id,
        kind: row.kind,
        ref: row.ref,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody ?? undefined,
      });
      await db
        .update(outboxMessages)
        .set({ status: 'sent', attempts, sentAt: new Date(), lastError: null })
        .where(eq(outboxMessages.id, row.id));
      report.sent++;
    } catch (error) {
      const giveUp = shouldGiveUp(attempts);
      await db
        .update(outboxMessages)
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        })
        .where(eq(outboxMessages.id, row.id));
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Outbox rows, oldest first, optionally filtered (for the CLI and tests). */
export async function listOutbox(
  db: Database,
  filter: { ref?: string; to?: string; kind?: string; status?: OutboxRow['status'] } = {},
): Promise<OutboxRow[]> {
  const conditions: SQL[] = [];
  if (filter.ref) conditions.push(eq(outboxMessages.ref, filter.ref));
  if (filter.to) conditions.push(eq(outboxMessages.toAddress, filter.to));
  if (filter.kind) conditions.push(eq(outboxMessages.kind, filter.kind));
  if (filter.status) conditions.push(eq(outboxMessages.status, filter.status));
  return db
    .select()
    .from(outboxMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(outboxMessages.id));
}
