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
  UNIQUE (region, plan_id, plan_version)
);

CREATE TABLE case_items (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  case_id          uuid        NOT NULL REFERENCES cases (id),
  item_code        text        NOT NULL,
  department_code  text        NOT NULL,
  state            text        NOT NULL CHECK (state IN ('planned', 'routed', 'accepted', 'approved', 'rejected')),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, item_code)
);
-- The department gateway lists a department's open items in its region.
CREATE INDEX case_items_department ON case_items (region, department_code, updated_at, id);
CREATE INDEX case_items_case ON case_items (case_id);

-- Mutations through the department gateway are idempotent by the caller's request id.
CREATE TABLE gateway_requests (
  region       text        NOT NULL,
  department   text        NOT NULL,
  request_id   text        NOT NULL,
  item_id      uuid        NOT NULL,
  action       text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, department, request_id)
);

-- Down Migration
DROP TABLE gateway_requests;
DROP TABLE case_items;
DROP TABLE cases;
