-- Up Migration
-- Yellow and red lights of the post-approval verification (审后核查) of an approval on commitment.
ALTER TABLE case_items
  ADD COLUMN verification_warn_on     date,
  ADD COLUMN verification_warned_at   timestamptz,
  ADD COLUMN verification_overdue_at  timestamptz;

-- Verifications already open get their yellow light on their due date (the clock scheduler gives
-- it once; a later extension re-arms it on the working-day calendar).
UPDATE case_items SET verification_warn_on = verification_due_on WHERE verification_open;

CREATE INDEX case_items_verification_to_warn ON case_items (verification_warn_on)
  WHERE verification_open AND verification_warned_at IS NULL;
CREATE INDEX case_items_verification_to_overdue ON case_items (verification_due_on)
  WHERE verification_open AND verification_overdue_at IS NULL;

-- An overdue verification goes to the joint meeting like any overdue item.
ALTER TABLE escalations DROP CONSTRAINT escalations_cause_check;
ALTER TABLE escalations ADD CONSTRAINT escalations_cause_check CHECK (cause IN ('overdue', 'blocked', 'verification_overdue'));

-- Down Migration
ALTER TABLE escalations DROP CONSTRAINT escalations_cause_check;
DELETE FROM escalations WHERE cause = 'verification_overdue';
ALTER TABLE escalations ADD CONSTRAINT escalations_cause_check CHECK (cause IN ('overdue', 'blocked'));
DROP INDEX case_items_verification_to_overdue;
DROP INDEX case_items_verification_to_warn;
ALTER TABLE case_items DROP COLUMN verification_overdue_at, DROP COLUMN verification_warned_at, DROP COLUMN verification_warn_on;
