-- Up Migration
-- Assessment's projection of every service's events: facts per case, item, escalation, complaint,
-- 12345 ticket and project, from which the monthly figures are counted when asked (so a figure
-- shows as soon as the event feeding it lands). Every row is keyed by the region the event came
-- from; the city's database holds every county's rows (its history stream sources theirs).
-- Columns hold only what events say, never when they were handled, so replaying the streams
-- into fresh tables gives the same rows (db/rebuild.ts proves it). Writes are order-insensitive:
-- the latest fact by the event's own time wins, whatever order events are handled in.

CREATE TABLE projected_cases (
  region        text        NOT NULL,
  case_id       uuid        NOT NULL,
  project_id    uuid,
  project_name  text        NOT NULL DEFAULT '',
  opened_at     timestamptz,
  completed_at  timestamptz,
  item_count    integer     NOT NULL DEFAULT 0,
  -- Set for the city's copy of a county's case (纵向联动): its items count in the county's case.
  origin_region text,
  PRIMARY KEY (region, case_id)
);

CREATE TABLE projected_items (
  region            text        NOT NULL,
  item_id           uuid        NOT NULL,
  case_id           uuid        NOT NULL,
  item_code         text        NOT NULL,
  department_code   text        NOT NULL,
  routed_at         timestamptz,
  accepted_at       timestamptz,
  mode              text,
  committed_due_on  date,
  -- The latest state as events told it, and the time of that event.
  state             text        NOT NULL DEFAULT 'routed',
  state_at          timestamptz NOT NULL,
  state_reason      text        NOT NULL DEFAULT '',
  warned_at         timestamptz,
  overdue_at        timestamptz,
  decided_at        timestamptz,
  outcome           text,
  -- The decision's clock (routing's DecisionClock); null when routing reported none.
  accepted_on       date,
  decided_on        date,
  statutory_wd      integer,
  committed_wd      integer,
  unit_wd           integer,
  total_wd          integer,
  applicant_wd      integer,
  excluded_wd       integer,
  extension_wd      integer,
  origin_region     text,
  origin_item_id    uuid,
  PRIMARY KEY (region, item_id)
);
CREATE INDEX projected_items_case ON projected_items (region, case_id);
CREATE INDEX projected_items_decided ON projected_items (decided_on);

-- Every 补正 round, one row per routing.item.supplement_requested.
CREATE TABLE projected_supplements (
  region           text        NOT NULL,
  event_id         uuid        NOT NULL,
  item_id          uuid        NOT NULL,
  case_id          uuid        NOT NULL,
  department_code  text        NOT NULL,
  requested_at     timestamptz NOT NULL,
  PRIMARY KEY (region, event_id)
);

CREATE TABLE projected_escalations (
  region           text        NOT NULL,
  escalation_id    uuid        NOT NULL,
  case_id          uuid,
  item_id          uuid,
  department_code  text        NOT NULL DEFAULT '',
  cause            text        NOT NULL DEFAULT '',
  raised_at        timestamptz,
  resolved_at      timestamptz,
  resolution       text,
  PRIMARY KEY (region, escalation_id)
);

CREATE TABLE projected_complaints (
  region                  text        NOT NULL,
  complaint_id            uuid        NOT NULL,
  channel                 text        NOT NULL DEFAULT '',
  project_id              uuid,
  project_name            text        NOT NULL DEFAULT '',
  item_code               text        NOT NULL DEFAULT '',
  responsible_department  text        NOT NULL DEFAULT '',
  departments             text[]      NOT NULL DEFAULT '{}',
  title                   text        NOT NULL DEFAULT '',
  conduct                 boolean     NOT NULL DEFAULT false,
  hotline_ticket_no       text        NOT NULL DEFAULT '',
  received_at             timestamptz,
  due_on                  date,
  answered_at             timestamptz,
  answered_on_time        boolean,
  escalated_at            timestamptz,
  PRIMARY KEY (region, complaint_id)
);

CREATE TABLE projected_hotline_tickets (
  region                  text        NOT NULL,
  ticket_id               uuid        NOT NULL,
  ticket_no               text        NOT NULL DEFAULT '',
  tier                    text        NOT NULL DEFAULT '',
  responsible_department  text        NOT NULL DEFAULT '',
  linked_at               timestamptz,
  due_at                  timestamptz,
  status                  text        NOT NULL DEFAULT 'received',
  status_at               timestamptz,
  answered_at             timestamptz,
  answered_on_time        boolean,
  PRIMARY KEY (region, ticket_id)
);

CREATE TABLE projected_projects (
  region           text        NOT NULL,
  project_id       uuid        NOT NULL,
  project_name     text        NOT NULL DEFAULT '',
  enterprise_name  text        NOT NULL DEFAULT '',
  key_project      boolean     NOT NULL DEFAULT false,
  registered_at    timestamptz,
  PRIMARY KEY (region, project_id)
);

-- Every steward assignment (agreement.steward.assigned), so a figure counts for whoever held the
-- project on its day; an empty steward is a release.
CREATE TABLE projected_steward_assignments (
  region        text        NOT NULL,
  event_id      uuid        NOT NULL,
  project_id    uuid        NOT NULL,
  steward_id    text        NOT NULL,
  steward_name  text        NOT NULL DEFAULT '',
  assigned_at   timestamptz NOT NULL,
  PRIMARY KEY (region, event_id)
);
CREATE INDEX projected_steward_assignments_project ON projected_steward_assignments (region, project_id, assigned_at);

-- The agent plan's target dates agreed with the enterprise (agreement.plan.approved), the plan of
-- "plan vs actual"; a later version of the plan replaces an earlier one's.
CREATE TABLE projected_plan_targets (
  region        text    NOT NULL,
  project_id    uuid    NOT NULL,
  item_code     text    NOT NULL,
  plan_version  integer NOT NULL,
  target_date   date,
  PRIMARY KEY (region, project_id, item_code)
);

-- Down Migration
DROP TABLE projected_plan_targets;
DROP TABLE projected_steward_assignments;
DROP TABLE projected_projects;
DROP TABLE projected_hotline_tickets;
DROP TABLE projected_complaints;
DROP TABLE projected_escalations;
DROP TABLE projected_supplements;
DROP TABLE projected_items;
DROP TABLE projected_cases;
