-- Sign-in hardening: lockout per (username, client address) with back-off, a login rate limit per client
-- address kept in the database (several API processes agree), and two-factor sign-in (TOTP, RFC 6238).

-- Failed sign-ins by username (known or not: unknown names lock exactly like real ones) and client address.
-- `strikes` counts the locks so far: each lock lasts twice the previous one, up to a cap.
CREATE TABLE login_throttle (
  username         text COLLATE "C" NOT NULL,
  client           text COLLATE "C" NOT NULL,
  failures         integer NOT NULL DEFAULT 0,
  strikes          integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  last_failure_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, client)
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

-- Sign-in attempts per client address and minute (fixed windows).
CREATE TABLE login_rate (
  client        text COLLATE "C" NOT NULL,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL,
  PRIMARY KEY (client, window_start)
);
CREATE INDEX login_rate_window_idx ON login_rate (window_start);

-- The old per-account lock let anyone lock anyone out; it is replaced by login_throttle.
ALTER TABLE accounts DROP COLUMN failed_logins;
ALTER TABLE accounts DROP COLUMN locked_until;

-- TOTP secrets are encrypted like personal data (bound to table, column and account id). A code's time
-- step is remembered so that it cannot be used twice.
ALTER TABLE accounts ADD COLUMN totp_secret bytea;
ALTER TABLE accounts ADD COLUMN totp_pending_secret bytea;
ALTER TABLE accounts ADD COLUMN totp_enrolled_at timestamptz;
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;
ALTER TABLE accounts ADD CONSTRAINT accounts_totp_enrolled_check
  CHECK ((totp_enrolled_at IS NULL) = (totp_secret IS NULL));

-- A session of an account that must enrol in two-factor sign-in first: only enrolment routes answer.
ALTER TABLE sessions ADD COLUMN enrolment_only boolean NOT NULL DEFAULT false;
