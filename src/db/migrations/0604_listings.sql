-- Listings kept by facilities (src/listings/): what a facility saves in the portal or through
-- the facility API. The files under content/listings/ are the starting point; a product with a
-- row here is shown with the row's listing everywhere, without a rebuild (live-listings.ts).
-- Every write takes a number from listing_change_seq, so each server asks "anything newer than
-- N?" with one indexed query and reloads only what changed.
CREATE SEQUENCE listing_change_seq;

CREATE TABLE listings (
  product_id text PRIMARY KEY,
  facility_id text NOT NULL,
  -- { description?, variants: [...] } as the listing files hold it (photos apart); null: the
  -- product has no listing (an undo back to a product the files list nothing for).
  listing jsonb,
  revision integer NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX listings_seq ON listings (seq);
CREATE INDEX listings_facility ON listings (facility_id);

-- Every saved state, for the history and the undo. Revision 0 is the state before the first
-- save (the files' listing, or null).
CREATE TABLE listing_revisions (
  id bigserial PRIMARY KEY,
  product_id text NOT NULL,
  revision integer NOT NULL,
  listing jsonb,
  actor_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set when an undo stepped back past this revision.
  undone_at timestamptz,
  UNIQUE (product_id, revision)
);

-- Which product a saved SKU belongs to: two facilities saving at once cannot take one SKU.
CREATE TABLE listing_skus (
  sku text PRIMARY KEY,
  product_id text NOT NULL
);
CREATE INDEX listing_skus_product ON listing_skus (product_id);

-- Photos facilities upload. The resized files (metadata stripped) are stored in the database so
-- every server can serve them; an id is never reused, so its files are immutable.
CREATE TABLE listing_photos (
  id text PRIMARY KEY,
  product_id text NOT NULL,
  facility_id text NOT NULL,
  position integer NOT NULL,
  alt_vi text NOT NULL,
  alt_en text,
  width integer NOT NULL,
  height integer NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  seq bigint NOT NULL
);
CREATE INDEX listing_photos_seq ON listing_photos (seq);
CREATE INDEX listing_photos_product ON listing_photos (product_id, position);

CREATE TABLE listing_photo_files (
  photo_id text NOT NULL REFERENCES listing_photos (id) ON DELETE CASCADE,
  width integer NOT NULL,
  height integer NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (photo_id, width)
);
