-- Area tree: district → street → community → grid. Every located record keeps the ids of its
-- district, street, community and grid so that scope and statistics never need geometry.
CREATE TABLE areas (
  id            integer PRIMARY KEY,
  code          char(15) NOT NULL UNIQUE,
  level         text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  name          text NOT NULL,
  parent_id     integer REFERENCES areas(id),
  district_id   integer NOT NULL,
  street_id     integer,
  community_id  integer,
  boundary      jsonb NOT NULL,
  centroid_lat  double precision NOT NULL,
  centroid_lng  double precision NOT NULL,
  area_km2      double precision NOT NULL
);
CREATE INDEX areas_parent_idx ON areas (parent_id);

CREATE TABLE record_history (
  id          bigserial PRIMARY KEY,
  entity      text NOT NULL,
  entity_id   bigint,
  action      text NOT NULL CHECK (action IN ('create', 'update', 'archive', 'bulk_load')),
  actor       text NOT NULL,
  source      text NOT NULL,
  changes     jsonb NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_history_entity_idx ON record_history (entity, entity_id, id);
