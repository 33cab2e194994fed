-- Operators triage counterfeit reports in the console: new → investigating → confirmed
-- counterfeit / not counterfeit / closed. The partial index keeps the console's "new" queue
-- and its per-certificate counts cheap however many reports are closed.
ALTER TABLE counterfeit_reports
  ADD COLUMN status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'investigating', 'confirmed_counterfeit', 'not_counterfeit', 'closed')),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX counterfeit_reports_open ON counterfeit_reports (status, created_at DESC, id DESC)
  WHERE status IN ('new', 'investigating');
CREATE INDEX counterfeit_reports_certificate ON counterfeit_reports (certificate_id, created_at DESC)
  WHERE certificate_id IS NOT NULL;
