-- Up Migration
-- Read model of routing.case.completed: one row per completed case.
CREATE TABLE completed_cases (
  region        text        NOT NULL,
  case_id       uuid        NOT NULL,
  project_id    uuid        NOT NULL,
  item_count    integer     NOT NULL,
  completed_at  timestamptz NOT NULL,
  PRIMARY KEY (region, case_id)
);

-- Down Migration
DROP TABLE completed_cases;
