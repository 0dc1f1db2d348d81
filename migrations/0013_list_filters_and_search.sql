-- Lists at scale: a resident is found by any part of the name, and the filters the registry's users need at
-- district scale (tags, age, permit expiry) are served by indexes rather than a walk of 470,000 rows.

-- Name bigrams (core/text/bigrams.ts), as addresses and enterprises keep them: `search_bigrams @> query
-- bigrams` narrows through the GIN index, a LIKE on the name confirms. New rows get them from the server
-- (and the seed); existing rows are filled here, in SQL that keeps every bigram the server would (the
-- normalised name's consecutive pairs), so a name found after this migration is found the same way after an
-- edit. Punctuation the SQL does not strip only adds pairs: it can never hide a match the LIKE would confirm.
ALTER TABLE residents ADD COLUMN search_bigrams text[];
UPDATE residents SET search_bigrams = (
  SELECT CASE
           WHEN length(n) < 2 THEN regexp_split_to_array(n, '')
           ELSE ARRAY(SELECT DISTINCT substr(n, i, 2) FROM generate_series(1, length(n) - 1) AS i)
         END
    FROM (SELECT regexp_replace(lower(normalize(name, NFKC)), '[[:space:][:punct:][:cntrl:]·・•、，。（）‘’“”《》〈〉【】「」『』〔〕…—–～！？：；]', '', 'g') AS n) s
);
-- An empty normalised name splits into {""}: no query bigram can match it, as none can match '{}'.
ALTER TABLE residents ALTER COLUMN search_bigrams SET NOT NULL;
CREATE INDEX residents_bigrams_idx ON residents USING gin (search_bigrams);

-- Tag filters (独居老人, 重点关爱 …): `tags @> ARRAY[tag]`.
CREATE INDEX residents_tags_idx ON residents USING gin (tags);
-- Age range: birth_month between two dates.
CREATE INDEX residents_birth_month_idx ON residents (birth_month);
-- Permits expiring before a date: floating residents only hold one.
CREATE INDEX residents_permit_expiry_idx ON residents (permit_expiry) WHERE permit_expiry IS NOT NULL;
