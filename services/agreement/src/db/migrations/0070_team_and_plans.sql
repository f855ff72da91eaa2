-- Up Migration

-- The agreement's life cycle: draft → signed → active → fulfilled | terminated ('closed' is no
-- longer used), with the signing record, the project's enterprise, its key-project flag, its
-- current steward and its case.
ALTER TABLE agreements DROP CONSTRAINT agreements_status_check;
ALTER TABLE agreements ADD CONSTRAINT agreements_status_check CHECK (status IN ('draft', 'signed', 'active', 'fulfilled', 'terminated', 'closed'));
ALTER TABLE agreements
  ADD COLUMN enterprise_id    uuid,
  ADD COLUMN enterprise_name  text NOT NULL DEFAULT '',
  ADD COLUMN credit_code      text NOT NULL DEFAULT '',
  ADD COLUMN key_project      boolean NOT NULL DEFAULT false,
  -- {signedOn, serviceCentre, enterpriseSignatory, commitments: {zeroFee, responseHours, scope}}
  ADD COLUMN signing          jsonb,
  ADD COLUMN steward_id       text,
  ADD COLUMN steward_name     text,
  ADD COLUMN case_id          uuid,
  ADD COLUMN closed_at        timestamptz,
  ADD COLUMN closed_by        text,
  ADD COLUMN closed_reason    text;
CREATE INDEX agreements_region_steward ON agreements (region, steward_id) WHERE steward_id IS NOT NULL;
CREATE INDEX agreements_region_case ON agreements (region, case_id) WHERE case_id IS NOT NULL;

-- The region's stewards (项目管家), whose workload the suggestion weighs.
CREATE TABLE stewards (
  region         text        NOT NULL,
  id             text        NOT NULL,
  name           text        NOT NULL,
  active         boolean     NOT NULL DEFAULT true,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  retired_at     timestamptz,
  PRIMARY KEY (region, id)
);

-- Every steward a project had: the current one has no ended_at; hand-overs keep the history.
CREATE TABLE steward_assignments (
  id            uuid        PRIMARY KEY,
  region        text        NOT NULL,
  agreement_id  uuid        NOT NULL REFERENCES agreements (id),
  steward_id    text        NOT NULL,
  steward_name  text        NOT NULL,
  assigned_at   timestamptz NOT NULL,
  assigned_by   text        NOT NULL,
  note          text        NOT NULL DEFAULT '',
  ended_at      timestamptz
);
CREATE UNIQUE INDEX steward_assignments_current ON steward_assignments (agreement_id) WHERE ended_at IS NULL;

-- A liaison (项目联络员) per department concerned; replaced ones keep their row, ended.
CREATE TABLE liaisons (
  region           text        NOT NULL,
  agreement_id     uuid        NOT NULL REFERENCES agreements (id),
  department_code  text        NOT NULL,
  department_name  text        NOT NULL,
  liaison_id       text        NOT NULL,
  liaison_name     text        NOT NULL,
  assigned_at      timestamptz NOT NULL,
  assigned_by      text        NOT NULL,
  ended_at         timestamptz
);
CREATE UNIQUE INDEX liaisons_current ON liaisons (agreement_id, department_code) WHERE ended_at IS NULL;

-- Plan versions are drafted, reviewed by the liaisons, approved by the steward and answered by
-- routing; a draft has no approval yet.
ALTER TABLE plans ALTER COLUMN approved_at DROP NOT NULL, ALTER COLUMN approved_at DROP DEFAULT, ALTER COLUMN approved_by DROP NOT NULL;
ALTER TABLE plans
  ADD COLUMN status       text NOT NULL DEFAULT 'submitted' CHECK (status IN ('in_review', 'returned', 'reviewed', 'submitted', 'accepted', 'refused', 'superseded')),
  ADD COLUMN source_kind  text NOT NULL DEFAULT 'items',
  ADD COLUMN source_code  text NOT NULL DEFAULT '',
  ADD COLUMN source_name  text NOT NULL DEFAULT '',
  ADD COLUMN drafted_by   text NOT NULL DEFAULT '',
  ADD COLUMN drafted_at   timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN problems     jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN answered_at  timestamptz;
UPDATE plans SET status = CASE submission_status WHEN 'accepted' THEN 'accepted' WHEN 'refused' THEN 'refused' ELSE 'submitted' END;

CREATE TABLE plan_reviews (
  region           text        NOT NULL,
  plan_id          uuid        NOT NULL,
  version          integer     NOT NULL,
  department_code  text        NOT NULL,
  department_name  text        NOT NULL,
  liaison_id       text        NOT NULL,
  decision         text        NOT NULL CHECK (decision IN ('approved', 'returned')),
  reason           text        NOT NULL DEFAULT '',
  reviewed_at      timestamptz NOT NULL,
  PRIMARY KEY (plan_id, version, department_code),
  FOREIGN KEY (plan_id, version) REFERENCES plans (id, version)
);

-- Down Migration
DROP TABLE plan_reviews;
ALTER TABLE plans DROP COLUMN answered_at, DROP COLUMN problems, DROP COLUMN drafted_at, DROP COLUMN drafted_by,
  DROP COLUMN source_name, DROP COLUMN source_code, DROP COLUMN source_kind, DROP COLUMN status;
DROP TABLE liaisons;
DROP TABLE steward_assignments;
DROP TABLE stewards;
DROP INDEX agreements_region_case;
DROP INDEX agreements_region_steward;
ALTER TABLE agreements DROP COLUMN closed_reason, DROP COLUMN closed_by, DROP COLUMN closed_at, DROP COLUMN case_id,
  DROP COLUMN steward_name, DROP COLUMN steward_id, DROP COLUMN signing, DROP COLUMN key_project, DROP COLUMN credit_code,
  DROP COLUMN enterprise_name, DROP COLUMN enterprise_id;
