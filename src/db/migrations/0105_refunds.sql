-- Refunds (issue 15): money given back for a paid order that was cancelled, or for the paid
-- shipments of it that a facility cancelled. Card payments are refunded through Stripe's
-- Refunds API; bank transfers and cash on delivery are refunded by hand and recorded here with
-- the transfer's or receipt's reference. Amounts are whole đồng.
CREATE TABLE refunds (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  -- The cancelled shipment refunded; null for everything due on the order when it was made.
  shipment_id bigint REFERENCES shipments (id) ON DELETE CASCADE,
  amount bigint NOT NULL CHECK (amount > 0),
  method text NOT NULL CHECK (method IN ('card', 'bank_transfer', 'cod')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  -- The refund form's one-time key: a double submit or a reload finds this row instead of
  -- making a second; Stripe gets a key derived from it, so a retried call refunds once.
  idempotency_key text NOT NULL UNIQUE,
  stripe_refund_id text UNIQUE,
  -- The bank transfer's or cash receipt's reference of a refund made by hand.
  reference text,
  reason text NOT NULL,
  -- Why Stripe refused or failed it, or why it could not be sent yet (it stays pending).
  last_error text,
  requested_by text NOT NULL,
  requested_by_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  succeeded_at timestamptz,
  CHECK (method = 'card' OR reference IS NOT NULL)
);
CREATE INDEX refunds_order ON refunds (order_id);

-- The card payment's PaymentIntent, from the completed Checkout Session: what a refund names.
ALTER TABLE payments ADD COLUMN stripe_payment_intent_id text;

-- The refunds queue (src/commerce/refunds/refund-store.ts) reads only the payments marked here,
-- so it costs what the orders owed money cost, however many orders there are. Money may be due
-- back once a payment is paid and a shipment of its order is cancelled, in whichever order the
-- two happen (a payment after cancellation, a facility cancelling a paid shipment): the
-- triggers below mark it then, whatever code path made the change. The refund service clears
-- the mark when nothing is left to give back and sets it again when a refund fails.
ALTER TABLE payments ADD COLUMN refund_due_since timestamptz;
CREATE INDEX payments_refund_due ON payments (order_id) WHERE refund_due_since IS NOT NULL;
CREATE INDEX shipments_cancelled_order ON shipments (order_id) WHERE status = 'cancelled';

CREATE FUNCTION payments_mark_refund_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM shipments WHERE order_id = NEW.order_id AND status = 'cancelled') THEN
    NEW.refund_due_since := coalesce(NEW.refund_due_since, now());
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER payments_paid_insert BEFORE INSERT ON payments
  FOR EACH ROW WHEN (NEW.status = 'paid') EXECUTE FUNCTION payments_mark_refund_due();
CREATE TRIGGER payments_paid_update BEFORE UPDATE OF status ON payments
  FOR EACH ROW WHEN (NEW.status = 'paid' AND OLD.status IS DISTINCT FROM 'paid')
  EXECUTE FUNCTION payments_mark_refund_due();

CREATE FUNCTION shipments_mark_refund_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE payments SET refund_due_since = coalesce(refund_due_since, now())
    WHERE order_id = NEW.order_id AND status = 'paid';
  RETURN NULL;
END;
$$;
CREATE TRIGGER shipments_cancelled_insert AFTER INSERT ON shipments
  FOR EACH ROW WHEN (NEW.status = 'cancelled') EXECUTE FUNCTION shipments_mark_refund_due();
CREATE TRIGGER shipments_cancelled_update AFTER UPDATE OF status ON shipments
  FOR EACH ROW WHEN (NEW.status = 'cancelled' AND OLD.status IS DISTINCT FROM 'cancelled')
  EXECUTE FUNCTION shipments_mark_refund_due();

-- What was already owed when this migration ran (nothing had been refunded through the shop).
UPDATE payments p SET refund_due_since = coalesce(
    (SELECT max(s.cancelled_at) FROM shipments s WHERE s.order_id = p.order_id AND s.status = 'cancelled'),
    now())
  WHERE p.status = 'paid'
    AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = p.order_id AND s.status = 'cancelled');
