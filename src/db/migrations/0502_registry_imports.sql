-- Lists uploaded in the console for review (src/registry/import-store.ts): the file as
-- uploaded, so that applying needs no second upload, and the sha of the three registry files it
-- was checked against, so that applying refuses once they changed. A staged import is applied
-- or discarded once, and expires unapplied after a day. The file's bytes are dropped once it is
-- applied, discarded or expired (the audit entry keeps its name and sha256); rows go after 30 days.
CREATE TABLE registry_imports (
  id bigserial PRIMARY KEY,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  file_bytes bytea,
  -- The latest round year accepted when it was checked: applying checks it the same way.
  max_year integer NOT NULL,
  base_sha text NOT NULL,
  -- { summary: MergeSummary, diff: counts per collection, merged: facilities merged }
  counts jsonb NOT NULL,
  staged_by_id text,
  staged_by text NOT NULL,
  staged_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'staged' CHECK (status IN ('staged', 'applied', 'discarded')),
  decided_by text,
  decided_at timestamptz,
  -- The registry state (registry_states) the apply recorded.
  state_id bigint REFERENCES registry_states (id),
  CHECK ((status = 'staged') = (decided_at IS NULL)),
  CHECK ((status = 'applied') = (state_id IS NOT NULL))
);
CREATE INDEX registry_imports_staged_at ON registry_imports (staged_at, id);
