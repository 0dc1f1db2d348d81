-- Proof that the keys in use belong to this database, kept beside the data (the keys themselves never are):
-- checked at every start (server/lib/key-check.ts), so a database opened with other keys refuses to start
-- instead of failing on every read. One row.
CREATE TABLE key_check (
  id                integer PRIMARY KEY CHECK (id = 1),
  -- Names the demo's key file outside the data folder (keys-<install_id>.json): a copy of the database
  -- finds no keys of its own.
  install_id        uuid NOT NULL DEFAULT gen_random_uuid(),
  -- A fixed text encrypted under the current personal-data key, bound to (key_check, pii_check, 1) like
  -- every encrypted value; re-encrypted by key rotation.
  pii_check         bytea,
  -- The keyed search hash (PII_HMAC_KEY) of a fixed text.
  hmac_check        bytea,
  -- Audit rows with id >= audit_keyed_from are HMAC-SHA256 under the audit key; earlier ones are the plain
  -- SHA-256 chain of 0006. audit_check = HMAC(audit key, 'audit-keyed-from:' || audit_keyed_from) seals the
  -- boundary, so that keyed rows cannot be passed off as plain ones.
  audit_keyed_from  bigint NOT NULL,
  audit_check       bytea,
  -- Personal values written before this migration carry no additional data (row binding) until start-up
  -- re-encrypts them bound (server/lib/key-rotation.ts).
  pii_unbound       boolean NOT NULL
);

INSERT INTO key_check (id, audit_keyed_from, pii_unbound)
SELECT 1,
       coalesce((SELECT max(id) FROM audit_log), 0) + 1,
       EXISTS (SELECT 1 FROM residents) OR EXISTS (SELECT 1 FROM health_records) OR EXISTS (SELECT 1 FROM staff);
