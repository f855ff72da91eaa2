-- Up Migration

-- Enterprises as records of their own, one per unified social credit code in a region.
CREATE TABLE enterprises (
  id                    uuid        PRIMARY KEY,
  region                text        NOT NULL,
  credit_code           text        NOT NULL,
  name                  text        NOT NULL,
  -- A person's name: shown unmasked only to roles that need it, never logged.
  legal_representative  text,
  address               text,
  -- The enterprise's contacts [{name, title, phone, idNumber}]. Phone and resident ID numbers are
  -- personal data: masked in reads by roles that do not need them, never logged, never on the bus.
  contacts              jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(contacts) = 'array'),
  registered_by         text        NOT NULL,
  registered_at         timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer     NOT NULL DEFAULT 1,
  UNIQUE (region, credit_code)
);
CREATE INDEX enterprises_region_registered ON enterprises (region, registered_at, id);

-- Bars on processing modes (告知承诺, 容缺) approval routing raised against the enterprise after a
-- false commitment; shown as the enterprise's credit standing.
CREATE TABLE enterprise_credit_bars (
  region          text        NOT NULL,
  credit_code     text        NOT NULL,
  mode            text        NOT NULL,
  barred_until    date        NOT NULL,
  reason          text        NOT NULL DEFAULT '',
  source_event_id uuid        NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, credit_code, mode, source_event_id)
);

-- Projects: linked to their enterprise, investment as an exact decimal of 万元, the key-project
-- flag, the site's division code, the stage derived from the case, the steward (from agreement's
-- events) and a version for updates.
ALTER TABLE projects
  ADD COLUMN enterprise_id  uuid REFERENCES enterprises (id),
  ADD COLUMN key_project    boolean     NOT NULL DEFAULT false,
  ADD COLUMN division_code  text,
  ADD COLUMN stage          text        NOT NULL DEFAULT 'registered',
  ADD COLUMN steward_id     text,
  ADD COLUMN steward_name   text,
  ADD COLUMN case_id        uuid,
  ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN version        integer     NOT NULL DEFAULT 1,
  -- Lower-cased, without spaces or punctuation: two spellings of one name find each other.
  ADD COLUMN name_key       text;
ALTER TABLE projects ALTER COLUMN investment_wan_yuan TYPE numeric(16, 4);
ALTER TABLE projects ADD CONSTRAINT projects_investment_scale CHECK (scale(investment_wan_yuan) <= 4);
CREATE INDEX projects_region_enterprise ON projects (region, enterprise_id);
CREATE INDEX projects_region_credit_name ON projects (region, credit_code, name_key);
CREATE INDEX projects_region_steward ON projects (region, steward_id);
CREATE INDEX projects_region_case ON projects (region, case_id);

-- Down Migration
DROP INDEX projects_region_case;
DROP INDEX projects_region_steward;
DROP INDEX projects_region_credit_name;
DROP INDEX projects_region_enterprise;
ALTER TABLE projects DROP CONSTRAINT projects_investment_scale;
ALTER TABLE projects ALTER COLUMN investment_wan_yuan TYPE bigint;
ALTER TABLE projects DROP COLUMN name_key, DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN case_id,
  DROP COLUMN steward_name, DROP COLUMN steward_id, DROP COLUMN stage, DROP COLUMN division_code,
  DROP COLUMN key_project, DROP COLUMN enterprise_id;
DROP TABLE enterprise_credit_bars;
DROP TABLE enterprises;
