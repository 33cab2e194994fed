/**
 * Drizzle view of src/db/migrations/0301_quotes.sql, 0302_quote_relay.sql and the quote's
 * validity added with the facility inbox (0602).
 */
import { bigint, bigserial, date, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const quotes = pgTable('quotes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  reference: text('reference').notNull().unique(),
  companyName: text('company_name').notNull(),
  taxCode: text('tax_code').notNull(),
  contactName: text('contact_name').notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull(),
  province: text('province').notNull(),
  targetDate: date('target_date', { mode: 'string' }),
  message: text('message'),
  locale: text('locale', { enum: ['vi', 'en'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const QUOTE_REQUEST_STATUSES = ['pending', 'answered', 'declined'] as const;
export type QuoteRequestStatus = (typeof QUOTE_REQUEST_STATUSES)[number];

export const quoteRequests = pgTable(
  'quote_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    quoteId: bigint('quote_id', { mode: 'number' })
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    facilityId: text('facility_id').notNull(),
    facilityName: text('facility_name').notNull(),
    facilityEmail: text('facility_email'),
    facilityPhone: text('facility_phone'),
    /** The operators' inbox the request went to when the facility has no e-mail (0302). */
    relayedTo: text('relayed_to'),
    status: text('status', { enum: QUOTE_REQUEST_STATUSES }).notNull().default('pending'),
    facilityMessage: text('facility_message'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The last day the facility's prices stand (0602); null: not said. */
    validUntil: date('valid_until', { mode: 'string' }),
  },
  (t) => [unique().on(t.quoteId, t.facilityId)],
);

export const quoteRequestItems = pgTable(
  'quote_request_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => quoteRequests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sku: text('sku').notNull(),
    productId: text('product_id').notNull(),
    productName: text('product_name').notNull(),
    variantName: text('variant_name').notNull(),
    quantity: integer('quantity').notNull(),
    minOrderQuantity: integer('min_order_quantity').notNull(),
    indicativeUnitPrice: bigint('indicative_unit_price', { mode: 'number' }).notNull(),
    offeredUnitPrice: bigint('offered_unit_price', { mode: 'number' }),
    offeredQuantity: integer('offered_quantity'),
    leadTimeDays: integer('lead_time_days'),
  },
  (t) => [unique().on(t.requestId, t.sku)],
);

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteRequestRow = typeof quoteRequests.$inferSelect;
export type QuoteRequestItemRow = typeof quoteRequestItems.$inferSelect;
