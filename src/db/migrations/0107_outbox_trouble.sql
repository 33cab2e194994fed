-- The console's e-mail queue (failed, and pending after a failed try) and the dashboard's
-- counts of it: a partial index holds only those rows, so neither scans the whole outbox.
CREATE INDEX outbox_messages_trouble ON outbox_messages (id DESC)
  WHERE status = 'failed' OR (status = 'pending' AND attempts > 0);
