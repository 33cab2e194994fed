-- Facility API tokens (src/portal/api-tokens*.ts): a token is shown once when made and only
-- the SHA-256 of its secret is kept; the token's id is the public part a request names it by.
-- Revoking sets revoked_at (rows stay, so the audit log's token ids keep meaning something).
CREATE TABLE facility_api_tokens (
  id text PRIMARY KEY,
  facility_id text NOT NULL,
  label text NOT NULL,
  secret_hash text NOT NULL,
  scopes text[] NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX facility_api_tokens_facility ON facility_api_tokens (facility_id, created_at);
