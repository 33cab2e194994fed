/**
 * A member's e-mail preferences for one facility's inbox (migration 0602). No row means both
 * copies on: a member invited today hears of the next order without visiting this page first.
 * Saving is a change the person makes, so it is audited with it (only when something changed).
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { facilityInboxPreferences as prefs } from './db-schema';

export interface InboxPreferences {
  newOrders: boolean;
  newQuotes: boolean;
}

export const DEFAULT_INBOX_PREFERENCES: InboxPreferences = { newOrders: true, newQuotes: true };

const mine = (userId: string, facilityId: string) =>
  and(eq(prefs.userId, userId), eq(prefs.facilityId, facilityId));

export async function inboxPreferences(
  db: Database,
  userId: string,
  facilityId: string,
): Promise<InboxPreferences> {
  const [row] = await db
    .select({ newOrders: prefs.newOrders, newQuotes: prefs.newQuotes })
    .from(prefs)
    .where(mine(userId, facilityId));
  return row ?? { ...DEFAULT_INBOX_PREFERENCES };
}

export async function saveInboxPreferences(
  db: Database,
  actor: Actor,
  who: { userId: string; facilityId: string },
  wanted: InboxPreferences,
  now = new Date(),
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ newOrders: prefs.newOrders, newQuotes: prefs.newQuotes })
      .from(prefs)
      .where(mine(who.userId, who.facilityId))
      .for('update');
    const before = row ?? DEFAULT_INBOX_PREFERENCES;
    if (before.newOrders === wanted.newOrders && before.newQuotes === wanted.newQuotes)
      return { changed: false };
    const values = { newOrders: wanted.newOrders, newQuotes: wanted.newQuotes, updatedAt: now };
    await tx
      .insert(prefs)
      .values({ userId: who.userId, facilityId: who.facilityId, ...values })
      .onConflictDoUpdate({ target: [prefs.userId, prefs.facilityId], set: values });
    await appendAudit(tx, actor, {
      action: 'facility.inbox_preferences',
      target: { type: 'user', id: who.userId },
      facilityId: who.facilityId,
      before: { ...before },
      after: { newOrders: wanted.newOrders, newQuotes: wanted.newQuotes },
    });
    return { changed: true };
  });
}
