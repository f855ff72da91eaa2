-- Up Migration

-- The trace a case began in (the plan's SubmitPlan, W3C headers): every later command on the case,
-- its completion and the clock's actions on its items link to it, so one case's life can be found
-- across the traces of the many calls that make it.
ALTER TABLE cases ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The lights on the operations dashboards (steward.routing.items.warned / .overdue): open items
-- that were warned or went overdue, counted per department from a small index.
CREATE INDEX case_items_lit ON case_items (region, department_code)
  WHERE (warned_at IS NOT NULL OR overdue_at IS NOT NULL)
    AND state IN ('accepted', 'in_review', 'returned_for_correction', 'resubmitted', 'suspended');

-- Down Migration
DROP INDEX case_items_lit;
ALTER TABLE cases DROP COLUMN trace_context;
