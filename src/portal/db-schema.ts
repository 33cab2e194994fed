/**
 * Drizzle view of the portal's tables (src/db/migrations/06xx): facility API tokens (0601);
 * the other portal features add theirs below.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Facility API tokens (0601): only the secret's hash is stored, never the token. */
export const facilityApiTokens = pgTable('facility_api_tokens', {
  id: text('id').primaryKey(),
  facilityId: text('facility_id').notNull(),
  label: text('label').notNull(),
  /** SHA-256 of the secret part, base64url. */
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  /** Who made it: the actor's label (an e-mail address, "npm run facility"). */
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export type FacilityApiTokenRow = typeof facilityApiTokens.$inferSelect;

export const CLAIM_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** "Are you this facility?" requests (0603): one pending per facility and address. */
export const facilityClaims = pgTable(
  'facility_claims',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    facilityId: text('facility_id').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    /** The registry certificate the printed number matched. */
    certificateId: text('certificate_id').notNull(),
    name: text('name'),
    phone: text('phone'),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('pending'),
    /** Why it was refused (e-mailed to the person); null otherwise. */
    reason: text('reason'),
    /** The operator who decided: the actor's label. */
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('facility_claims_one_pending').on(t.facilityId, t.email).where(sql`status = 'pending'`),
    index('facility_claims_status').on(t.status, t.createdAt),
  ],
);

export type FacilityClaimRow = typeof facilityClaims.$inferSelect;

/**
 * Each member's e-mail preferences for one facility's inbox (0602): copies of new orders and of
 * new quote requests. No row: both on.
 */
export const facilityInboxPreferences = pgTable(
  'facility_inbox_preferences',
  {
    userId: text('user_id').notNull(),
    facilityId: text('facility_id').notNull(),
    newOrders: boolean('new_orders').notNull().default(true),
    newQuotes: boolean('new_quotes').notNull().default(true),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.facilityId] })],
);

export type FacilityInboxPreferencesRow = typeof facilityInboxPreferences.$inferSelect;
