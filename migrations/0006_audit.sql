-- Append-only, tamper-evident audit trail. Each row's hash = SHA-256(prev_hash || canonical content)
-- (server/modules/audit/chain.ts); the first row's prev_hash is 32 zero bytes. Rows are appended under
-- an advisory lock with ids drawn after taking it, so chain order = id order.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  -- Millisecond precision by construction: the hashed text form (ISO 8601 with milliseconds) must name
  -- exactly the stored instant, so sub-millisecond values are refused rather than silently unhashed.
  at           timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                 CHECK (at = date_trunc('milliseconds', at)),
  actor_id     integer,
  actor        text NOT NULL,
  action       text NOT NULL,
  object_type  text,
  object_id    text,
  request_id   text,
  details      jsonb NOT NULL DEFAULT '{}',
  prev_hash    bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash         bytea NOT NULL CHECK (octet_length(hash) = 32)
);
-- A row can be the successor of at most one row: a forked chain (two appends that read the same head)
-- fails loudly instead of being written.
CREATE UNIQUE INDEX audit_log_prev_hash_key ON audit_log (prev_hash);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Append-only in the database too. A statement-level trigger refuses every UPDATE, DELETE and TRUNCATE,
-- even one that would touch no row. Whoever can disable it (the table owner) can also rewrite rows:
-- that is what the hash chain and `npm run audit:verify` detect.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
