-- What happened to an order after it was placed, with the time, for the console's timeline.
-- The orders, payments and shipments rows keep only their latest state (a corrected tracking
-- number overwrites shipped_at; a cancelled order's time is lost in updated_at), so each
-- change also appends a row here in the transaction that makes it. Placing is not recorded:
-- orders.created_at says it. Orders placed before this migration have no rows (nothing is
-- backfilled); their timeline falls back to the columns.
-- kind is left open (no CHECK): later changes (refunds, transfers marked paid) add kinds
-- without a migration; src/commerce/db-schema.ts lists the known ones.
CREATE TABLE order_events (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  shipment_id bigint REFERENCES shipments (id) ON DELETE CASCADE,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  -- A cancellation's reason, a tracking number: what the timeline shows beside the kind.
  detail text
);
CREATE INDEX order_events_order ON order_events (order_id, at, id);

-- The console's order search (src/commerce/orders/order-search-store.ts) pages newest first
-- with a keyset on (created_at, id); each filter that narrows by itself gets an index in that
-- order, so a page is an index range read however many orders there are.
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_status_created ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_phone_created ON orders (buyer_phone, created_at DESC, id DESC);
CREATE INDEX orders_email_created ON orders (buyer_email, created_at DESC, id DESC)
  WHERE buyer_email IS NOT NULL;
-- A facility's orders: the shipments of one facility, joined to their orders.
CREATE INDEX shipments_facility_order ON shipments (facility_id, order_id);
-- A payment status: the rare ones (failed, expired) are found here rather than by reading
-- orders newest first until fifty turn up.
CREATE INDEX payments_status_order ON payments (status, order_id);

-- An order's items (loadOrder, for the console's order page and the buyer's): without this,
-- every order page read the whole order_items table.
CREATE INDEX order_items_order ON order_items (order_id);

-- The timeline's messages: those whose ref is the order number or starts with it and "/".
-- text_pattern_ops compares bytes, so that prefix is one index range in any collation.
CREATE INDEX outbox_messages_ref ON outbox_messages (ref text_pattern_ops);
