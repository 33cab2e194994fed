-- Rate-limit counters shared by every server process on this database (src/security/rate-limit.ts
-- through rate-limiter-flexible's PostgreSQL store, whose layout this is: it is told the table
-- exists instead of creating it at run time). Keys are hashed, so no client address or e-mail is
-- kept; `expire` is epoch milliseconds, and rows an hour past it are deleted every 5 minutes.
-- 00xx: the shared layers' tables.
-- UNLOGGED: a counter lost in a crash only forgives a few attempts, and skipping the WAL keeps
-- the one write every order makes from waiting on a disk flush (the orders benchmark on
-- PostgreSQL measured the logged table's cost in p95).
CREATE UNLOGGED TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
