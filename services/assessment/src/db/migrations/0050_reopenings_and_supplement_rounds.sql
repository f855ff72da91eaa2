-- Up Migration
-- routing.case.completed and routing.case.reopened number the completions of a case: a case counts
-- as completed while its latest completion is newer than its latest reopening, whatever order the
-- two events arrive in. A reopening that arrives before its completion leaves a row with no
-- completion yet (completed_at null, completion 0).
ALTER TABLE completed_cases
  ADD COLUMN completion   integer NOT NULL DEFAULT 1,
  ADD COLUMN reopening    integer NOT NULL DEFAULT 0,
  ADD COLUMN reopened_at  timestamptz,
  ALTER COLUMN completed_at DROP NOT NULL,
  ALTER COLUMN item_count SET DEFAULT 0;

-- Read model of routing.item.supplement_requested: every 补正 round asked of an applicant, and
-- whether it was a follow-up round on resubmitted materials (一次性告知).
CREATE TABLE supplement_rounds (
  region        text        NOT NULL,
  event_id      uuid        NOT NULL,
  case_id       uuid        NOT NULL,
  item_id       uuid        NOT NULL,
  round         integer     NOT NULL,
  follow_up     boolean     NOT NULL,
  requested_at  timestamptz NOT NULL,
  PRIMARY KEY (region, event_id)
);

-- Down Migration
DROP TABLE supplement_rounds;
DELETE FROM completed_cases WHERE completed_at IS NULL;
ALTER TABLE completed_cases
  ALTER COLUMN item_count DROP DEFAULT,
  ALTER COLUMN completed_at SET NOT NULL,
  DROP COLUMN reopened_at, DROP COLUMN reopening, DROP COLUMN completion;
