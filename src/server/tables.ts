/**
 * The composition root of the one PostgreSQL schema: every capability's drizzle tables in one
 * list. The SQL in src/db/migrations is the source of truth for the database; each capability
 * mirrors its own tables in its db-schema.ts for queries, and tests/server/tables.test.ts checks
 * that this list and the migrated database describe the same tables and columns.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as accounts from '~/accounts/db-schema';
import * as commerce from '~/commerce/db-schema';
import * as audit from '~/db/audit-log';
import * as listings from '~/listings/db-schema';
import * as notifications from '~/notifications/db-schema';
import * as portal from '~/portal/db-schema';
import * as registry from '~/registry/db-schema';
import * as security from '~/security/db-schema';
import * as sourcing from '~/sourcing/db-schema';
import * as verification from '~/verification/db-schema';

const isTable = (value: unknown): value is PgTable => {
  try {
    return Boolean(value) && typeof getTableConfig(value as PgTable).name === 'string';
  } catch {
    return false;
  }
};

/** Every table the application defines, by capability. */
export const TABLES_BY_CAPABILITY: Record<string, PgTable[]> = Object.fromEntries(
  Object.entries({
    accounts,
    audit,
    commerce,
    listings,
    notifications,
    portal,
    registry,
    security,
    sourcing,
    verification,
  }).map(([name, schema]) => [name, Object.values(schema).filter(isTable)]),
);

export const ALL_TABLES: PgTable[] = Object.values(TABLES_BY_CAPABILITY).flat();
