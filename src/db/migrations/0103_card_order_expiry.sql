-- Card orders whose payment never completes are expired by a background job
-- (src/commerce/payments/card-expiry.ts). It settles the order's Idempotency-Key, so the key
-- now names its order; and it finds pending card orders by age.
ALTER TABLE idempotency_keys ADD COLUMN order_id bigint REFERENCES orders (id) ON DELETE CASCADE;
CREATE INDEX idempotency_keys_order ON idempotency_keys (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX orders_pending_payment ON orders (created_at) WHERE status = 'pending_payment';
