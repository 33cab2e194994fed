-- The facility portal's inbox (src/portal/inbox-*.ts): each member's e-mail preferences per
-- facility. A member without a row gets both copies (the default is on); the facility's registry
-- e-mail keeps getting the signed-link messages whatever its members choose.
CREATE TABLE facility_inbox_preferences (
  user_id text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  facility_id text NOT NULL,
  new_orders boolean NOT NULL DEFAULT true,
  new_quotes boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, facility_id)
);

-- How long a facility's quote stands, as it says when answering (in the inbox or through its
-- signed link); null: not said.
ALTER TABLE quote_requests ADD COLUMN valid_until date;

-- The inbox lists one facility's shipments and quote requests: find them without a scan.
CREATE INDEX shipments_facility ON shipments (facility_id, order_id);
CREATE INDEX quote_requests_facility ON quote_requests (facility_id, quote_id);
