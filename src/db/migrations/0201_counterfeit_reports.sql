-- Reports of suspected counterfeit badges, sent from the verification pages (no account
-- needed). The outcome is what the server found for the code, not what the reporter claims.
-- No IP address is kept: rate limiting happens in memory.
CREATE TABLE counterfeit_reports (
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('not_found', 'bad_signature', 'genuine_code')),
  certificate_id text,
  place text,
  details text,
  contact text,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX counterfeit_reports_created ON counterfeit_reports (created_at);
