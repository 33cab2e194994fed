/**
 * The registry's history as the console lists it: every recorded state (baseline, import,
 * revoke, unrevoke, restore) and every publish and rollback of the site (audit actions
 * `site.publish`, `site.rollback`), newest first, in keyset pages so a page deep in a long
 * history costs what the first one does. States and publishes come from two tables; both are
 * ordered by (at, kind, id) and the cursor is the last row's triple, `at` to the microsecond.
 */
import { sql } from 'drizzle-orm';
import { type AuditRow, auditLog } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type RegistryStateAction, registryStates } from './db-schema';

export const HISTORY_PAGE_SIZE = 50;
export const PUBLISH_ACTIONS = ['site.publish', 'site.rollback'] as const;

interface EntryBase {
  at: Date;
  actorLabel: string;
  actorRole: string;
}

export type HistoryEntry =
  | (EntryBase & {
      kind: 'state';
      id: number;
      action: RegistryStateAction;
      summary: string;
      /** The state this one replaced (null: the first recorded). */
      previousId: number | null;
      restoredFromId: number | null;
    })
  | (EntryBase & {
      kind: 'publish';
      /** The audit entry's id. */
      id: number;
      action: (typeof PUBLISH_ACTIONS)[number];
      /** The build published or rolled back to, as the publish recorded it. */
      buildId: string;
      /** The newest registry state recorded by then (what a publish built from, unless edited by hand). */
      stateId: number | null;
    });

export interface HistoryPage {
  entries: HistoryEntry[];
  /** The cursor of the next (older) page. */
  next?: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})~(state|publish)~(\d{1,15})$/;

/** A cursor from the address, or undefined when it is not one (the first page). */
export function parseHistoryCursor(text: string | undefined): string | undefined {
  return text !== undefined && CURSOR.test(text) ? text : undefined;
}

/** A publish's build id: the lead's publish records it in `after`; the target id otherwise. */
export function buildIdOf(row: Pick<AuditRow, 'after' | 'targetId'>): string {
  const after = (row.after ?? {}) as Record<string, unknown>;
  for (const key of ['buildId', 'build', 'to']) {
    const value = after[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return row.targetId;
}

interface Row {
  kind: 'state' | 'publish';
  id: string;
  at_key: string;
  action: string;
  actor_label: string;
  actor_role: string;
  summary: string | null;
  target_id: string | null;
  after: unknown;
  ref_id: string | null;
  previous_id: string | null;
}

export async function registryHistoryPage(
  db: Database,
  options: { after?: string | undefined; limit?: number } = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const cursor = options.after ? CURSOR.exec(options.after) : null;
  const atKey = (column: unknown) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  const before = cursor
    ? sql`WHERE (h.at, h.kind, h.id) < (${`${cursor[1]}Z`}::timestamptz, ${cursor[2]}::text, ${cursor[3]}::bigint)`
    : sql``;
  const publishes = sql.raw(PUBLISH_ACTIONS.map((a) => `'${a}'`).join(', '));
  const result = await db.execute(sql`
    SELECT h.kind, h.id::text AS id, ${atKey(sql`h.at`)} AS at_key, h.action, h.actor_label, h.actor_role,
           h.summary, h.target_id, h.after, h.ref_id::text AS ref_id, h.previous_id::text AS previous_id
    FROM (
      SELECT 'state'::text AS kind, s.id, s.at, s.action, s.actor_label, s.actor_role, s.summary,
             NULL::text AS target_id, NULL::jsonb AS after, s.restored_from_id AS ref_id, s.previous_id
      FROM ${registryStates} s
      UNION ALL
      SELECT 'publish'::text, a.id, a.at, a.action, a.actor_label, a.actor_role, NULL, a.target_id, a.after,
             (SELECT max(s.id) FROM ${registryStates} s WHERE s.at <= a.at), NULL::bigint
      FROM ${auditLog} a
      WHERE a.action IN (${publishes})
    ) h
    ${before}
    ORDER BY h.at DESC, h.kind DESC, h.id DESC
    LIMIT ${limit + 1}
  `);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const page = rows.slice(0, limit);
  const entries = page.map((r): HistoryEntry => {
    const base = { at: new Date(`${r.at_key}Z`), actorLabel: r.actor_label, actorRole: r.actor_role };
    if (r.kind === 'state') {
      return {
        ...base,
        kind: 'state',
        id: Number(r.id),
        action: r.action as RegistryStateAction,
        summary: r.summary ?? '',
        previousId: r.previous_id === null ? null : Number(r.previous_id),
        restoredFromId: r.ref_id === null ? null : Number(r.ref_id),
      };
    }
    return {
      ...base,
      kind: 'publish',
      id: Number(r.id),
      action: r.action as (typeof PUBLISH_ACTIONS)[number],
      buildId: buildIdOf({ after: r.after, targetId: r.target_id ?? '' }),
      stateId: r.ref_id === null ? null : Number(r.ref_id),
    };
  });
  const last = page[page.length - 1];
  return rows.length > limit && last
    ? { entries, next: `${last.at_key}~${last.kind}~${last.id}` }
    : { entries };
}

/** The audit entry of the change that made state `stateId` (none for a baseline). */
export async function auditOfState(db: Database, stateId: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.action} LIKE 'registry.%' AND ${auditLog.after}->>'stateId' = ${String(stateId)}`)
    .orderBy(auditLog.id);
}
