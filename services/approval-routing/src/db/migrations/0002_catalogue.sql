-- Up Migration
-- The item catalogue (事项目录) is city-wide reference data: one set of departments, items, industry
-- chains and bundles, maintained by the city's administrators and shared by every region's cases.
-- So these tables carry no region column; cases and case items, which are regional, do.
--
-- Cross-references that live in arrays (prerequisites, selection items) cannot be foreign keys: the
-- service validates the whole catalogue (domain/catalogue.ts) under the catalogue lock before every
-- write, so a stored catalogue always parses.
CREATE TABLE departments (
  code      text    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,31}$'),
  name      text    NOT NULL CHECK (name <> ''),
  -- Order in the data file, so listings follow it.
  position  integer NOT NULL
);

CREATE TABLE catalogue_items (
  code                       text        PRIMARY KEY,
  name                       text        NOT NULL CHECK (name <> ''),
  department_code            text        NOT NULL REFERENCES departments (code),
  jurisdiction               text        NOT NULL CHECK (jurisdiction IN ('county', 'city')),
  stage                      text        NOT NULL CHECK (stage IN ('立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', '准营')),
  statutory_limit_value      integer     NOT NULL CHECK (statutory_limit_value >= 0),
  statutory_limit_unit       text        NOT NULL CHECK (statutory_limit_unit IN ('working_days', 'calendar_days')),
  committed_limit_value      integer     NOT NULL CHECK (committed_limit_value >= 0),
  committed_limit_unit       text        NOT NULL CHECK (committed_limit_unit IN ('working_days', 'calendar_days')),
  modes                      text[]      NOT NULL CHECK ('normal' = ANY (modes) AND modes <@ ARRAY['normal', 'tolerant', 'commitment']),
  -- [{"name": "…", "core": true}, …]
  materials                  jsonb       NOT NULL CHECK (jsonb_typeof(materials) = 'array'),
  prerequisites              text[]      NOT NULL DEFAULT '{}',
  excluded_periods           text[]      NOT NULL DEFAULT '{}',
  supplement_working_days    integer     NOT NULL CHECK (supplement_working_days >= 0),
  verification_working_days  integer     NOT NULL CHECK (verification_working_days >= 0),
  source                     text        NOT NULL,
  position                   integer     NOT NULL,
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  updated_by                 text        NOT NULL
);
CREATE INDEX catalogue_items_department ON catalogue_items (department_code);

-- Industry chains (产业链) and 一件事一次办 bundles: named selections of items.
CREATE TABLE selections (
  code        text    PRIMARY KEY,
  name        text    NOT NULL CHECK (name <> ''),
  kind        text    NOT NULL CHECK (kind IN ('industry_chain', 'bundle')),
  item_codes  text[]  NOT NULL CHECK (cardinality(item_codes) > 0),
  position    integer NOT NULL
);

-- Every load of a catalogue data file. A version is applied once, so edits made over gRPC after it
-- survive restarts; a new version in the file replaces the catalogue whole.
CREATE TABLE catalogue_versions (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version    text        NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now(),
  loaded_by  text        NOT NULL,
  source     text        NOT NULL,
  -- sha256 of the parsed file: the same version must not come back with other content.
  checksum   text        NOT NULL
);
CREATE INDEX catalogue_versions_version ON catalogue_versions (version);

-- Down Migration
DROP TABLE catalogue_versions;
DROP TABLE selections;
DROP TABLE catalogue_items;
DROP TABLE departments;
