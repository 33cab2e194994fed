/**
 * /admin/audit/ (admins only): the audit log, newest first, filtered by who, action, target and
 * dates, 50 rows a page with a keyset cursor (the row after which to go on), so a page deep in
 * a long log costs what the first one does.
 */
import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type AuditRow, auditLog } from '~/db/audit-log';
import type { Database } from '~/db/client';

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  targetType: z.string().trim().max(50).optional().catch(undefined),
  targetId: z.string().trim().max(200).optional().catch(undefined),
  from: day,
  to: day,
  /** "id" of the last row shown: the next page starts below it. */
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof filterSchema>;

export function auditFilter(url: URL): AuditFilter {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''));
  return filterSchema.parse(raw);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Day bounds in Vietnam's time (UTC+7, no daylight saving). */
const startOfDay = (isoDay: string) => new Date(`${isoDay}T00:00:00+07:00`);

export async function auditPage(
  db: Database,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; next?: number }> {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.action) where.push(ilike(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  if (filter.from) where.push(gte(auditLog.at, startOfDay(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, new Date(startOfDay(filter.to).getTime() + 86_400_000)));
  if (filter.after) {
    // Rows are ordered by id, which follows insertion; "at" only says when.
    where.push(lt(auditLog.id, filter.after));
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return more ? { rows: page, next: page[page.length - 1]!.id } : { rows: page };
}
