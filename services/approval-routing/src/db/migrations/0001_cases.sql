-- Up Migration
CREATE TABLE cases (
  id             uuid        PRIMARY KEY,
  region         text        NOT NULL,
  plan_id        uuid        NOT NULL,
  plan_version   integer     NOT NULL,
  project_id     uuid        NOT NULL,
  project_name   text        NOT NULL,
  status         text        NOT NULL CHECK (status IN ('open', 'completed')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  completed_at   timestamptz,
  UNIQUE (region, plan_id)
);

-- Every plan version a case has taken, so a repeated submission is recognised and answered as before.
CREATE TABLE plan_submissions (
  region        text        NOT NULL,
  plan_id       uuid        NOT NULL,
  plan_version  integer     NOT NULL,
  case_id       uuid        NOT NULL REFERENCES cases (id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, plan_id, plan_version)
);

CREATE TABLE case_items (
  id                      uuid        PRIMARY KEY,
  region                  text        NOT NULL,
  case_id                 uuid        NOT NULL REFERENCES cases (id),
  item_code               text        NOT NULL,
  attempt                 integer     NOT NULL DEFAULT 1,
  department_code         text        NOT NULL,
  handled_in_region       text,
  state                   text        NOT NULL,
  mode                    text,
  -- What the catalogue said when the item entered the case: later edits do not move its clock.
  terms                   jsonb       NOT NULL,
  accepted_on             date,
  statutory_due_on        date,
  statutory_provisional   boolean     NOT NULL DEFAULT false,
  committed_due_on        date,
  committed_provisional   boolean     NOT NULL DEFAULT false,
  extension_working_days  integer     NOT NULL DEFAULT 0,
  warn_on                 date,
  warned_at               timestamptz,
  overdue_at              timestamptz,
  outstanding_materials   text[]      NOT NULL DEFAULT '{}',
  supplement_due_on       date,
  supplement_provisional  boolean     NOT NULL DEFAULT false,
  return_on               date,
  return_provisional      boolean     NOT NULL DEFAULT false,
  verification_due_on     date,
  verification_provisional boolean    NOT NULL DEFAULT false,
  verification_open       boolean     NOT NULL DEFAULT false,
  commitment_ref          text,
  pauses                  jsonb       NOT NULL DEFAULT '[]',
  -- The kind of the open pause, if any: kept beside the JSON so the scheduler can index it.
  paused_kind             text,
  updated_at              timestamptz NOT NULL DEFAULT now(),
  -- When the item entered the case: the stable order of a department's list, which paging needs
  -- (updated_at moves while a client pages). Milliseconds, as page tokens carry them.
  created_at              timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  UNIQUE (case_id, item_code, attempt)
);
CREATE INDEX case_items_case ON case_items (case_id);
CREATE INDEX case_items_department ON case_items (region, department_code, created_at, id);
-- The clock scheduler's questions, each answered from a small partial index.
CREATE INDEX case_items_to_warn ON case_items (warn_on)
  WHERE warned_at IS NULL AND paused_kind IS NULL AND state IN ('accepted', 'in_review', 'resubmitted');
CREATE INDEX case_items_to_overdue ON case_items (committed_due_on)
  WHERE overdue_at IS NULL AND paused_kind IS NULL AND state IN ('accepted', 'in_review', 'resubmitted');
CREATE INDEX case_items_supplement_due ON case_items (supplement_due_on)
  WHERE supplement_due_on IS NOT NULL AND state IN ('accepted', 'in_review', 'resubmitted');
CREATE INDEX case_items_to_return ON case_items (return_on) WHERE state = 'suspended';
CREATE INDEX case_items_provisional ON case_items (region)
  WHERE committed_provisional OR statutory_provisional OR supplement_provisional OR return_provisional OR verification_provisional;

-- Mutations through the department gateway are idempotent by the caller's request id.
CREATE TABLE gateway_requests (
  region       text        NOT NULL,
  department   text        NOT NULL,
  request_id   text        NOT NULL,
  item_id      uuid        NOT NULL,
  action       text        NOT NULL,
  -- What the request created (a consultation), so a repeat answers with it.
  result_id    uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, department, request_id)
);

-- Every change a department must see, in commit order: WatchAssignments serves rows whose
-- transaction is older than every running one (xid < the snapshot's xmin), ordered by (xid, seq),
-- so a reader resuming after (xid, seq) can neither miss a change committed late nor see one twice.
CREATE TABLE assignment_changes (
  seq              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid              xid8        NOT NULL DEFAULT pg_current_xact_id(),
  region           text        NOT NULL,
  department_code  text        NOT NULL,
  item_id          uuid        NOT NULL,
  snapshot         jsonb       NOT NULL,
  changed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignment_changes_feed ON assignment_changes (region, department_code, xid, seq);

CREATE TRIGGER assignment_changes_notify AFTER INSERT ON assignment_changes FOR EACH STATEMENT EXECUTE FUNCTION steward_notify('steward_assignments');

CREATE TABLE escalations (
  id                 uuid        PRIMARY KEY,
  region             text        NOT NULL,
  case_id            uuid        NOT NULL REFERENCES cases (id),
  item_id            uuid        NOT NULL REFERENCES case_items (id),
  cause              text        NOT NULL CHECK (cause IN ('overdue', 'blocked')),
  reason             text        NOT NULL,
  status             text        NOT NULL CHECK (status IN ('open', 'resolved')),
  raised_by          text        NOT NULL,
  raised_at          timestamptz NOT NULL DEFAULT now(),
  resolution         text,
  resolution_reason  text,
  resolved_by        text,
  resolved_at        timestamptz
);
CREATE INDEX escalations_region ON escalations (region, status, raised_at, id);
-- One open escalation per item and cause: a second flag or a second overdue pass adds nothing.
CREATE UNIQUE INDEX escalations_one_open ON escalations (item_id, cause) WHERE status = 'open';

CREATE TABLE consultations (
  id                     uuid        PRIMARY KEY,
  region                 text        NOT NULL,
  case_id                uuid        NOT NULL REFERENCES cases (id),
  item_id                uuid        NOT NULL REFERENCES case_items (id),
  requesting_department  text        NOT NULL,
  consulted_department   text        NOT NULL,
  question               text        NOT NULL,
  due_on                 date        NOT NULL,
  due_provisional        boolean     NOT NULL DEFAULT false,
  outcome                text        NOT NULL CHECK (outcome IN ('open', 'agreed', 'disagreed', 'deemed_agreed')),
  answer_reason          text,
  requested_at           timestamptz NOT NULL DEFAULT now(),
  answered_at            timestamptz
);
CREATE INDEX consultations_due ON consultations (due_on) WHERE outcome = 'open';
CREATE INDEX consultations_item ON consultations (item_id);

-- Down Migration
DROP TABLE consultations;
DROP TABLE escalations;
DROP TRIGGER assignment_changes_notify ON assignment_changes;
DROP TABLE assignment_changes;
DROP TABLE gateway_requests;
DROP TABLE case_items;
DROP TABLE plan_submissions;
DROP TABLE cases;
