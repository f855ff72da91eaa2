-- Up Migration
CREATE TABLE agreements (
  id            uuid        PRIMARY KEY,
  region        text        NOT NULL,
  project_id    uuid        NOT NULL,
  project_name  text        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('draft', 'signed', 'closed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  signed_at     timestamptz,
  signed_by     text,
  UNIQUE (region, project_id)
);
CREATE INDEX agreements_region_created ON agreements (region, created_at, id);

-- One agent plan per agreement, kept in versions: a revision is a new row with the same plan id.
CREATE TABLE plans (
  id                 uuid        NOT NULL,
  region             text        NOT NULL,
  agreement_id       uuid        NOT NULL REFERENCES agreements (id),
  version            integer     NOT NULL CHECK (version > 0),
  items              jsonb       NOT NULL,
  approved_at        timestamptz NOT NULL DEFAULT now(),
  approved_by        text        NOT NULL,
  -- What approval routing answered to SubmitPlan: pending until it did, refused with its reason.
  submission_status  text        NOT NULL DEFAULT 'pending' CHECK (submission_status IN ('pending', 'accepted', 'refused')),
  submission_detail  text,
  case_id            uuid,
  PRIMARY KEY (id, version),
  UNIQUE (agreement_id, version)
);
CREATE INDEX plans_region_agreement ON plans (region, agreement_id);

-- Down Migration
DROP TABLE plans;
DROP TABLE agreements;
