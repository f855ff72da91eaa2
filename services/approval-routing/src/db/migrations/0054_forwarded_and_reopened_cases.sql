-- Up Migration
-- City side: a case the city keeps for items a county forwarded (纵向联动) serves the county's
-- case, which owns the items: it never completes, is counted or notified on its own.
ALTER TABLE cases
  ADD COLUMN origin_region  text,
  -- How many times the case completed: routing.case.completed and routing.case.reopened carry the
  -- number, so consumers order them and tell a completion from a completion after a reopening.
  ADD COLUMN completions    integer NOT NULL DEFAULT 0;
UPDATE cases SET completions = 1 WHERE status = 'completed';

ALTER TABLE case_items
  ADD COLUMN origin_region   text,
  ADD COLUMN origin_item_id  uuid;

UPDATE case_items i SET origin_region = f.origin_region, origin_item_id = f.origin_item_id
FROM forwarded_items f WHERE f.item_id = i.id;
UPDATE cases c SET origin_region = f.origin_region
FROM forwarded_items f JOIN case_items i ON i.id = f.item_id WHERE i.case_id = c.id;

-- Down Migration
ALTER TABLE case_items DROP COLUMN origin_item_id, DROP COLUMN origin_region;
ALTER TABLE cases DROP COLUMN completions, DROP COLUMN origin_region;
