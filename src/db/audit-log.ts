/**
 * The audit log (src/db/migrations/0002_audit_log.sql): one row per change made by a person
 * in the back office, a facility's API token or a command. Callers pass the transaction of the
 * change, so the row exists exactly when the change does. There is no update or delete here,
 * and the database refuses them too.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from './client';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: text('actor_kind', { enum: ['user', 'command', 'facility_token', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    facilityId: text('facility_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_at').on(t.at, t.id)],
);

export type AuditRow = typeof auditLog.$inferSelect;

/** Who made a change: a signed-in person, a command on the server, a facility API token. */
export interface Actor {
  kind: 'user' | 'command' | 'facility_token' | 'system';
  /** The user id, or the token id; null for commands. */
  id: string | null;
  /** What people read: an e-mail address, "npm run operator", a token's label. */
  label: string;
  /** The role the change was made in: admin, operator, facility, command. */
  role: string;
  requestId?: string | undefined;
}

/** The actor of a command run on the server (`npm run …`, directly or through the admin socket). */
export function commandActor(command: string): Actor {
  return { kind: 'command', id: null, label: `npm run ${command}`, role: 'command' };
}

export interface AuditEntry {
  action: string;
  target: { type: string; id: string };
  facilityId?: string | null | undefined;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry; pass the transaction of the change it records. */
export async function appendAudit(tx: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    actorRole: actor.role,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    facilityId: entry.facilityId ?? null,
    before: entry.before === undefined ? null : (entry.before as object),
    after: entry.after === undefined ? null : (entry.after as object),
    requestId: actor.requestId ?? null,
  });
}
