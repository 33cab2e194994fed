-- Orders, split into one shipment per facility, with their payment. Amounts are whole đồng
-- (bigint: a wholesale-sized order can pass the 2.1 billion of an integer).
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  order_number text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('pending_payment', 'placed', 'cancelled')),
  payment_method text NOT NULL CHECK (payment_method IN ('card', 'bank_transfer', 'cod')),
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  buyer_name text NOT NULL,
  -- National form "0912345678" (src/commerce/orders/phone.ts), compared on lookup.
  buyer_phone text NOT NULL,
  buyer_email text,
  address text NOT NULL,
  province text NOT NULL,
  notes text,
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  shipping_total bigint NOT NULL CHECK (shipping_total >= 0),
  total bigint NOT NULL CHECK (total >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shipments (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  facility_id text NOT NULL,
  facility_name text NOT NULL,
  facility_email text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'shipped', 'cancelled')),
  subtotal bigint NOT NULL,
  shipping_fee bigint NOT NULL,
  total bigint NOT NULL,
  tracking_number text,
  cancel_reason text,
  confirmed_at timestamptz,
  shipped_at timestamptz,
  cancelled_at timestamptz,
  UNIQUE (order_id, facility_id)
);

CREATE TABLE order_items (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  shipment_id bigint NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  sku text NOT NULL,
  product_id text NOT NULL,
  -- Names and prices as sold: the listing may change later, the order must not.
  product_name text NOT NULL,
  variant_name text NOT NULL,
  variant_name_en text,
  pack_size text NOT NULL,
  unit_price bigint NOT NULL CHECK (unit_price > 0),
  quantity integer NOT NULL CHECK (quantity > 0),
  line_total bigint NOT NULL,
  lead_time_days integer
);
CREATE INDEX order_items_shipment ON order_items (shipment_id);

CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
  method text NOT NULL CHECK (method IN ('card', 'bank_transfer', 'cod')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'expired')),
  amount bigint NOT NULL,
  stripe_session_id text UNIQUE,
  checkout_url text,
  paid_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each Stripe event is applied once: its id is recorded in the transaction that applies it.
CREATE TABLE webhook_events (
  event_id text PRIMARY KEY,
  type text NOT NULL,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- POST /api/orders with an Idempotency-Key: the first request's body hash and response.
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Units left of the SKUs whose listing tracks stock: seeded from the listings (insert if
-- absent), decremented in the order transaction only where enough remain.
CREATE TABLE stock_levels (
  sku text PRIMARY KEY,
  remaining integer NOT NULL CHECK (remaining >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What each order took from stock_levels, so a cancellation gives back exactly that, once.
CREATE TABLE stock_reservations (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  shipment_id bigint NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz
);
CREATE INDEX stock_reservations_shipment ON stock_reservations (shipment_id);
