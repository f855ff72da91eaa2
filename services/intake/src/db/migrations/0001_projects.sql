-- Up Migration
CREATE TABLE projects (
  id                   uuid        PRIMARY KEY,
  region               text        NOT NULL,
  name                 text        NOT NULL,
  enterprise_name      text        NOT NULL,
  credit_code          text        NOT NULL,
  investment_code      text,
  investment_wan_yuan  bigint      NOT NULL CHECK (investment_wan_yuan >= 0),
  industry_chain       text,
  contact_name         text        NOT NULL,
  contact_phone        text        NOT NULL,
  registered_by        text        NOT NULL,
  registered_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_region_registered ON projects (region, registered_at DESC);
CREATE UNIQUE INDEX projects_region_investment_code ON projects (region, investment_code) WHERE investment_code IS NOT NULL;

-- Down Migration
DROP TABLE projects;
