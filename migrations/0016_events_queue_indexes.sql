-- The queues read the open events of one area: an index per located column over open events only (a few
-- per cent of all events once the history has grown), so a street's or a grid's to-do never scans its closed past.
CREATE INDEX events_open_district_idx ON events (district_id, level)
  WHERE state IN ('reported', 'in_progress', 'handled', 'verified', 'closed');
CREATE INDEX events_open_street_idx ON events (street_id, level)
  WHERE state IN ('reported', 'in_progress', 'handled', 'verified', 'closed');
CREATE INDEX events_open_community_idx ON events (community_id, level)
  WHERE state IN ('reported', 'in_progress', 'handled', 'verified', 'closed');
CREATE INDEX events_open_grid_idx ON events (grid_id, level)
  WHERE state IN ('reported', 'in_progress', 'handled', 'verified', 'closed');
