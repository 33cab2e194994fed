/**
 * Imports staged in the console for review (src/db/migrations/0502_registry_imports.sql),
 * re-exported by ./db-schema.ts with the registry's other tables.
 */
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres gives a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

export const IMPORT_STATUSES = ['staged', 'applied', 'discarded'] as const;

export const registryImports = pgTable(
  'registry_imports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileFormat: text('file_format', { enum: ['csv', 'xlsx'] }).notNull(),
    fileBytes: bytea('file_bytes'),
    maxYear: integer('max_year').notNull(),
    baseSha: text('base_sha').notNull(),
    counts: jsonb('counts').notNull(),
    stagedById: text('staged_by_id'),
    stagedBy: text('staged_by').notNull(),
    stagedAt: timestamp('staged_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('staged'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    stateId: bigint('state_id', { mode: 'number' }),
  },
  (t) => [index('registry_imports_staged_at').on(t.stagedAt, t.id)],
);

export type RegistryImportRow = typeof registryImports.$inferSelect;
