/**
 * The registry's history (src/db/migrations/0501_registry_history.sql): one row per state of
 * the three registry files, and the files' contents, stored once per distinct content.
 */
import { bigint, bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '~/db/bytea';

/** What made a state: a console or command change, or 'baseline' (the files as found). */
export const REGISTRY_STATE_ACTIONS = ['baseline', 'import', 'revoke', 'unrevoke', 'restore'] as const;
export type RegistryStateAction = (typeof REGISTRY_STATE_ACTIONS)[number];

export const registryStates = pgTable(
  'registry_states',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action', { enum: REGISTRY_STATE_ACTIONS }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    actorRole: text('actor_role').notNull(),
    summary: text('summary').notNull(),
    facilitiesSha: text('facilities_sha').notNull(),
    productsSha: text('products_sha').notNull(),
    certificatesSha: text('certificates_sha').notNull(),
    /** The state this one replaced (null for the first). */
    previousId: bigint('previous_id', { mode: 'number' }),
    /** For a restore: the older state whose files were brought back. */
    restoredFromId: bigint('restored_from_id', { mode: 'number' }),
  },
  (t) => [index('registry_states_at').on(t.at, t.id)],
);

/**
 * Content-addressed file contents (sha256 of the text, hex). A blob is stored either whole
 * (`gzip`) or as the concatenation of other blobs (`parts`, their shas in order): large files
 * are cut into chunks at record boundaries, so a change to one record stores one small chunk
 * and a list of shas instead of the whole file again.
 */
export const registryBlobs = pgTable('registry_blobs', {
  sha: text('sha').primaryKey(),
  /** Bytes of the text (UTF-8), before compression. */
  size: integer('size').notNull(),
  gzip: bytea('gzip'),
  parts: text('parts').array(),
});

export type RegistryStateRow = typeof registryStates.$inferSelect;

// The imports staged in the console for review (./import-db-schema.ts).
export { registryImports } from './import-db-schema';
