-- Up Migration
-- 一次性告知 and the acceptance window (行政许可法 §32; figures in rules/*.json).
ALTER TABLE case_items
  -- The day the department received the item (routed to it): the acceptance window starts.
  ADD COLUMN received_on               date,
  -- The last day to accept; after it the item is deemed accepted from received_on.
  ADD COLUMN acceptance_due_on         date,
  ADD COLUMN acceptance_provisional    boolean NOT NULL DEFAULT false,
  ADD COLUMN deemed_accepted           boolean NOT NULL DEFAULT false,
  -- Every receipt of materials, [{"on", "whole", "materials", "noticedOn"}]: one 补正 round each.
  ADD COLUMN receipts                  jsonb   NOT NULL DEFAULT '[]',
  ADD COLUMN supplement_rounds         integer NOT NULL DEFAULT 0;

-- Items waiting for acceptance when this ran were received the day they were last changed; their
-- acceptance due date is computed by the clock scheduler's next round, on the working-day calendar.
UPDATE case_items SET received_on = (updated_at AT TIME ZONE 'Asia/Shanghai')::date
WHERE state = 'routed' AND handled_in_region IS NULL;

-- The clock scheduler's question: which routed items let their acceptance window pass?
CREATE INDEX case_items_to_deem ON case_items (acceptance_due_on) WHERE state = 'routed' AND handled_in_region IS NULL;

DROP INDEX case_items_provisional;
CREATE INDEX case_items_provisional ON case_items (region)
  WHERE committed_provisional OR statutory_provisional OR supplement_provisional OR return_provisional OR verification_provisional OR acceptance_provisional;

-- Down Migration
DROP INDEX case_items_provisional;
CREATE INDEX case_items_provisional ON case_items (region)
  WHERE committed_provisional OR statutory_provisional OR supplement_provisional OR return_provisional OR verification_provisional;
DROP INDEX case_items_to_deem;
ALTER TABLE case_items
  DROP COLUMN supplement_rounds, DROP COLUMN receipts, DROP COLUMN deemed_accepted,
  DROP COLUMN acceptance_provisional, DROP COLUMN acceptance_due_on, DROP COLUMN received_on;
