-- The demo load's bookkeeping. The loader writes the row when it starts and sets finished_at once the
-- registry, the demo accounts and the rollups are all in; a row without finished_at found at start means
-- a load was interrupted (process killed), and start-up clears its partial data and loads again.
CREATE TABLE seed_state (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  scale       text NOT NULL,
  seed        integer NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- Secondary indexes and foreign keys dropped for the load, [{kind, table, name, def}], written in the
  -- same transaction as the drops: an interrupted load is restored from here, not from a guess.
  deferred    jsonb NOT NULL DEFAULT '[]'
);
