-- "Are you this facility?": someone asks to become a member of a facility of the registry,
-- proving it with the number of one of its certificates. An operator approves (the person is
-- invited) or refuses (with a reason, e-mailed). The address is kept lower-cased so that one
-- person's requests for one facility meet in the partial unique index below.
CREATE TABLE facility_claims (
  id bigserial PRIMARY KEY,
  facility_id text NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  certificate_id text NOT NULL,
  name text,
  phone text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  reason text,
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'refused') = (reason IS NOT NULL)),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);

-- At most one request waiting per address and facility: a second one is not stored.
CREATE UNIQUE INDEX facility_claims_one_pending ON facility_claims (facility_id, email)
  WHERE status = 'pending';
CREATE INDEX facility_claims_status ON facility_claims (status, created_at);
