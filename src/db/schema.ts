/**
 * The drizzle view of the one PostgreSQL schema: every capability's tables, re-exported so
 * `drizzle(client, { schema })` knows them all. The SQL in src/db/migrations is the source of
 * truth for the database; tests/db checks these definitions match it.
 */

export * from '~/commerce/db-schema';
export * from '~/notifications/db-schema';
export * from '~/sourcing/db-schema';
export * from '~/verification/db-schema';
