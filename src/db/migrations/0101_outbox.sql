-- Outgoing messages (order confirmations, facility notices, quote requests): written in the
-- same transaction as the thing they announce, delivered afterwards by src/notifications.
-- (kind, ref, to_address) is unique so that re-running the code that enqueues a message
-- (a retried webhook, a repeated request) never sends it twice.
CREATE TABLE outbox_messages (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  ref text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (kind, ref, to_address)
);

CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status = 'pending';
