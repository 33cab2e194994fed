-- Operators' notes on a counterfeit report (what was checked, who was called). The author is
-- kept as the audit log keeps an actor: the account id and the address people read, since
-- the accounts' tables come later in the migrations and a note outlives a disabled account.
-- A note goes with its report if a report is ever erased (it may quote the reporter).
CREATE TABLE report_notes (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES counterfeit_reports (id) ON DELETE CASCADE,
  author_id text,
  author_label text NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX report_notes_report ON report_notes (report_id, id);
