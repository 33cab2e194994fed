-- The registry's history (src/registry/history-store.ts): every state of the three registry
-- files after a change (import, revoke, unrevoke, restore) or as found ('baseline', the files
-- before the first recorded change or after an edit outside the console), and their contents,
-- content-addressed and gzip'd, stored once however many states share them.
CREATE TABLE registry_blobs (
  sha text PRIMARY KEY CHECK (sha ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size >= 0),
  gzip bytea,
  parts text[],
  CHECK ((gzip IS NULL) <> (parts IS NULL))
);

CREATE TABLE registry_states (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL CHECK (action IN ('baseline', 'import', 'revoke', 'unrevoke', 'restore')),
  actor_kind text NOT NULL,
  actor_id text,
  actor_label text NOT NULL,
  actor_role text NOT NULL,
  summary text NOT NULL,
  facilities_sha text NOT NULL REFERENCES registry_blobs (sha),
  products_sha text NOT NULL REFERENCES registry_blobs (sha),
  certificates_sha text NOT NULL REFERENCES registry_blobs (sha),
  previous_id bigint REFERENCES registry_states (id),
  restored_from_id bigint REFERENCES registry_states (id)
);
CREATE INDEX registry_states_at ON registry_states (at, id);

-- History is not rewritten: states are only ever added (blobs no state uses could be pruned).
CREATE FUNCTION registry_states_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'registry_states is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER registry_states_no_update BEFORE UPDATE OR DELETE ON registry_states
  FOR EACH ROW EXECUTE FUNCTION registry_states_append_only();

-- The history page lists publishes and rollbacks beside the states, and a state's page finds
-- the audit entry that made it (its `after` carries the state id): both without a scan of the log.
CREATE INDEX audit_log_site_publish ON audit_log (at, id) WHERE action IN ('site.publish', 'site.rollback');
CREATE INDEX audit_log_registry_state ON audit_log ((after ->> 'stateId')) WHERE action LIKE 'registry.%';
