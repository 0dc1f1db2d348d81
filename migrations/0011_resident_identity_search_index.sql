-- Exact ID-number search looks residents up by id_number_hmac. Since 0009 the only index on that column is the
-- partial unique one (active rows not marked identity_conflict), which a search — archived rows included on
-- request, conflict-marked rows included always — cannot use: it scanned the whole table (≈ 200 ms at district
-- scale instead of ≈ 2 ms). A plain index serves every search.
CREATE INDEX residents_id_number_hmac_idx ON residents (id_number_hmac);
