/** Counterfeit reports in the database (PGlite or PostgreSQL through drizzle). */
import type { Database } from '~/db/client';
import { counterfeitReports } from './db-schema';
import type { ReportStore } from './reports';

export function databaseReportStore(db: Database): ReportStore {
  return {
    async insert(report) {
      const [row] = await db
        .insert(counterfeitReports)
        .values(report)
        .returning({ id: counterfeitReports.id });
      return { id: row!.id };
    },
  };
}
