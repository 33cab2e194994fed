/**
 * Who gets a member's copy of a facility's new order or quote request: the facility's members
 * (accounts not disabled) who have not turned that copy off (no preferences row: on). Commerce
 * and sourcing call this in the transaction that queues the facility's own message, through the
 * portal's browser-safe entry (index.ts): the portal's pages import those capabilities, so their
 * way back here must not go through astro.ts (an import cycle). That is also why the accounts
 * tables are named in SQL instead of imported: accounts' entry reaches better-auth.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { facilityInboxPreferences as prefs } from './db-schema';

export const INBOX_TOPICS = ['orders', 'quotes'] as const;
export type InboxTopic = (typeof INBOX_TOPICS)[number];

/**
 * The addresses, lower-cased and sorted; `except` leaves out addresses that already get the
 * facility's own message (its registry e-mail), so nobody hears of one order twice.
 */
export async function memberCopyRecipients(
  db: Database,
  facilityId: string,
  topic: InboxTopic,
  except: readonly (string | null | undefined)[] = [],
): Promise<string[]> {
  const wanted = topic === 'orders' ? prefs.newOrders : prefs.newQuotes;
  const result = (await db.execute(sql`
    SELECT lower(u.email) AS email
    FROM facility_members m
    JOIN auth_user u ON u.id = m.user_id
    LEFT JOIN ${prefs} ON ${prefs.userId} = m.user_id AND ${prefs.facilityId} = m.facility_id
    WHERE m.facility_id = ${facilityId} AND u.disabled_at IS NULL AND coalesce(${wanted}, true)
    ORDER BY 1
  `)) as unknown as { rows: { email: string }[] };
  const skip = new Set(except.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()));
  return [...new Set(result.rows.map((r) => r.email))].filter((email) => !skip.has(email));
}
