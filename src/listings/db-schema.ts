/** Drizzle view of the listings' tables (src/db/migrations/0604_listings.sql). */
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { bytea } from '~/db/bytea';
import type { ListingBody } from './listing-input';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const listings = pgTable(
  'listings',
  {
    productId: text('product_id').primaryKey(),
    facilityId: text('facility_id').notNull(),
    /** Null: the product has no listing. */
    listing: jsonb('listing').$type<ListingBody | null>(),
    revision: integer('revision').notNull(),
    changedAt: at('changed_at').notNull().defaultNow(),
    changedBy: text('changed_by').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('listings_seq').on(t.seq), index('listings_facility').on(t.facilityId)],
);

export const listingRevisions = pgTable('listing_revisions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  productId: text('product_id').notNull(),
  revision: integer('revision').notNull(),
  listing: jsonb('listing').$type<ListingBody | null>(),
  actorLabel: text('actor_label').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  undoneAt: at('undone_at'),
});

export const listingSkus = pgTable('listing_skus', {
  sku: text('sku').primaryKey(),
  productId: text('product_id').notNull(),
});

export const listingPhotos = pgTable(
  'listing_photos',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    facilityId: text('facility_id').notNull(),
    position: integer('position').notNull(),
    altVi: text('alt_vi').notNull(),
    altEn: text('alt_en'),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('listing_photos_seq').on(t.seq), index('listing_photos_product').on(t.productId, t.position)],
);

export type ListingPhotoRow = typeof listingPhotos.$inferSelect;

export const listingPhotoFiles = pgTable(
  'listing_photo_files',
  {
    photoId: text('photo_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.width] })],
);
