-- Account administration: an account whose password was set by someone else (a new account, a reset) must
-- change it before anything else; the last successful sign-in is kept on the account (sessions are pruned,
-- and the administrators' list must not scan them).
ALTER TABLE accounts ADD COLUMN password_must_change boolean NOT NULL DEFAULT false;
ALTER TABLE accounts ADD COLUMN last_login_at timestamptz;

UPDATE accounts a SET last_login_at = s.last
  FROM (SELECT account_id, max(created_at) AS last FROM sessions GROUP BY account_id) s
 WHERE s.account_id = a.id;

-- The administrators' list: search by display name (username is already unique, hence indexed).
CREATE INDEX accounts_role_idx ON accounts (role);
