-- A facility without e-mail is reached through the operators' inbox (ORDERS_EMAIL), who relay
-- the request by phone and may answer through the facility's signed link. Null: not relayed.
ALTER TABLE quote_requests ADD COLUMN relayed_to text;
