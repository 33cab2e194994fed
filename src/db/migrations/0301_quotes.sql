-- Quote requests from retailers and distributors (src/sourcing). One quote per buyer
-- submission, one quote_request per facility it reaches, one item per SKU. Names, e-mails
-- and prices are copied from the catalogue at submission time so a later catalogue rebuild
-- never changes what a facility was asked or what it answered. Amounts are whole đồng.
CREATE TABLE quotes (
  id bigserial PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  company_name text NOT NULL,
  tax_code text NOT NULL,
  contact_name text NOT NULL,
  phone text NOT NULL,
  -- Lower-cased: the buyer looks a quote up by reference and e-mail.
  email text NOT NULL,
  province text NOT NULL,
  target_date date,
  message text,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quote_requests (
  id bigserial PRIMARY KEY,
  quote_id bigint NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  facility_id text NOT NULL,
  facility_name text NOT NULL,
  -- Null when the facility has no e-mail on the registry: it was not notified.
  facility_email text,
  facility_phone text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered', 'declined')),
  facility_message text,
  answered_at timestamptz,
  UNIQUE (quote_id, facility_id)
);

CREATE TABLE quote_request_items (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES quote_requests (id) ON DELETE CASCADE,
  position integer NOT NULL,
  sku text NOT NULL,
  product_id text NOT NULL,
  product_name text NOT NULL,
  variant_name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  min_order_quantity integer NOT NULL CHECK (min_order_quantity > 0),
  indicative_unit_price bigint NOT NULL CHECK (indicative_unit_price > 0),
  -- The facility's answer; all three null when it does not offer this item.
  offered_unit_price bigint CHECK (offered_unit_price > 0),
  offered_quantity integer CHECK (offered_quantity > 0),
  lead_time_days integer CHECK (lead_time_days >= 0),
  UNIQUE (request_id, sku)
);
