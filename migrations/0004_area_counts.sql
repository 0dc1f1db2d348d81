-- Decision base rollup for the registry: how many active rows of each metric sit directly in each
-- area (a grid, or a street/community/district for rows placed no deeper). Summaries sum a subtree.
CREATE TABLE area_counts (
  area_id  integer NOT NULL REFERENCES areas(id),
  metric   text NOT NULL,
  n        integer NOT NULL,
  PRIMARY KEY (area_id, metric)
);
