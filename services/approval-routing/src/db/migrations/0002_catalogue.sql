-- Up Migration
-- The item catalogue is city-wide reference data shared by every region's cases, so it carries no
-- region column; cases and items, which are regional, do.
CREATE TABLE departments (
  code  text PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE catalogue_items (
  code                    text    PRIMARY KEY,
  name                    text    NOT NULL,
  department_code         text    NOT NULL REFERENCES departments (code),
  jurisdiction            text    NOT NULL CHECK (jurisdiction IN ('county', 'city')),
  stage                   text    NOT NULL,
  statutory_limit_value   integer NOT NULL CHECK (statutory_limit_value >= 0),
  statutory_limit_unit    text    NOT NULL CHECK (statutory_limit_unit IN ('working_days', 'calendar_days')),
  committed_limit_value   integer NOT NULL CHECK (committed_limit_value >= 0),
  committed_limit_unit    text    NOT NULL CHECK (committed_limit_unit IN ('working_days', 'calendar_days'))
);

-- Down Migration
DROP TABLE catalogue_items;
DROP TABLE departments;
