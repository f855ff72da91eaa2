-- Up Migration
-- The first release's read model of routing.case.completed: the projection (projected_cases),
-- rebuilt from the history stream, replaced it and nothing reads or writes it any more. It holds
-- nothing that is not derived from events, so it goes.
DROP TABLE IF EXISTS completed_cases;

-- Down Migration
CREATE TABLE completed_cases (
  region        text        NOT NULL,
  case_id       uuid        NOT NULL,
  project_id    uuid        NOT NULL,
  item_count    integer     NOT NULL,
  completed_at  timestamptz NOT NULL,
  PRIMARY KEY (region, case_id)
);
