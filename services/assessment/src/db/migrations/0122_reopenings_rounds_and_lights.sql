-- Up Migration
-- Routing's rules (issue 10) in the projection.
-- A case's completions and reopenings are numbered (routing.case.completed's completion,
-- routing.case.reopened's undoes_completion): a case counts as completed while its latest
-- completion is newer than its latest reopening, whatever order the events are handled in, and
-- it counts once, in the month of its latest completion. 0: none seen yet.
ALTER TABLE projected_cases
  ADD COLUMN completion   integer     NOT NULL DEFAULT 0,
  ADD COLUMN reopening    integer     NOT NULL DEFAULT 0,
  ADD COLUMN reopened_at  timestamptz;

-- The round of each 补正 and whether it was a follow-up round on materials received after the
-- application (一次性告知 allows one round per receipt).
ALTER TABLE projected_supplements
  ADD COLUMN round      integer NOT NULL DEFAULT 1,
  ADD COLUMN follow_up  boolean NOT NULL DEFAULT false;

-- Deemed acceptance (行政许可法 §32) and the post-approval verification's lights (审后核查) of an
-- item approved on commitment.
ALTER TABLE projected_items
  ADD COLUMN deemed_accepted           boolean     NOT NULL DEFAULT false,
  ADD COLUMN verification_warned_at    timestamptz,
  ADD COLUMN verification_overdue_at   timestamptz;

-- The 6-month bars raised on an enterprise whose commitment was found false
-- (routing.enterprise.barred), one row per revoked item; a region also records bars learned from
-- another region, which the figures leave to the region that raised them.
CREATE TABLE projected_bars (
  region          text        NOT NULL,
  credit_code     text        NOT NULL,
  origin_region   text        NOT NULL,
  origin_item_id  uuid        NOT NULL,
  item_code       text        NOT NULL DEFAULT '',
  revoked_on      date,
  barred_through  date,
  barred_at       timestamptz NOT NULL,
  PRIMARY KEY (region, credit_code, origin_region, origin_item_id)
);

-- Down Migration
DROP TABLE projected_bars;
ALTER TABLE projected_items DROP COLUMN verification_overdue_at, DROP COLUMN verification_warned_at, DROP COLUMN deemed_accepted;
ALTER TABLE projected_supplements DROP COLUMN follow_up, DROP COLUMN round;
ALTER TABLE projected_cases DROP COLUMN reopened_at, DROP COLUMN reopening, DROP COLUMN completion;
