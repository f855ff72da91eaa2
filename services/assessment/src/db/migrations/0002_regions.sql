-- Up Migration
-- The regions of the city that statistics and rankings cover: reference data loaded from
-- deploy/regions/<city>.json at start, the same in every region's database, so no region column.
CREATE TABLE regions (
  slug           text    PRIMARY KEY,
  name           text    NOT NULL,
  division_code  text,
  kind           text    NOT NULL CHECK (kind IN ('city', 'county', 'development-zone')),
  position       integer NOT NULL
);

-- Down Migration
DROP TABLE regions;
