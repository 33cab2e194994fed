-- Bank transfers marked paid by an operator (issue 15): what arrived, the bank's reference for
-- it and who recorded it. Card payments leave these empty (Stripe holds their details).
ALTER TABLE payments ADD COLUMN received_amount bigint CHECK (received_amount > 0);
ALTER TABLE payments ADD COLUMN reference text;
ALTER TABLE payments ADD COLUMN marked_by text;

-- The console's queue of transfers awaiting payment, oldest (lowest order id) first.
CREATE INDEX payments_transfers_awaiting ON payments (order_id)
  WHERE method = 'bank_transfer' AND status = 'pending';

-- Uploaded bank statements, read and kept so that each proposed match can be confirmed in
-- turn without uploading the file again. Nothing is marked paid by an upload. Statements name
-- payers, so they are dropped after 90 days (src/commerce/payments/statement-store.ts).
CREATE TABLE bank_statements (
  id bigserial PRIMARY KEY,
  file_name text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  -- The statement as read: { headerRow, lines, problems, debits } (bank-statement.ts).
  content jsonb NOT NULL
);
CREATE INDEX bank_statements_uploaded_at ON bank_statements (uploaded_at);
