/** The console's counterfeit-report queue, counted. */
import { count, eq } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { counterfeitReports } from './db-schema';

export async function newReportCount(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(counterfeitReports)
    .where(eq(counterfeitReports.status, 'new'));
  return row?.n ?? 0;
}
