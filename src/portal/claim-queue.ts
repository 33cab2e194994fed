/**
 * The console's facility-claim queue, counted for the dashboard. The index on (status,
 * created_at) of migration 0603 keeps this cheap however many claims have been decided.
 */
import { count, eq } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { facilityClaims } from './db-schema';

export async function pendingClaimCount(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(facilityClaims)
    .where(eq(facilityClaims.status, 'pending'));
  return row?.n ?? 0;
}
