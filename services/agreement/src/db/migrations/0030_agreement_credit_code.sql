-- Up Migration

-- The enterprise an agreement belongs to (its unified social credit code, from the project's
-- intake.project.registered event), so an enterprise caller reaches its own agreements only.
-- Agreements drafted before this column have none and are reachable by staff only.
ALTER TABLE agreements ADD COLUMN credit_code text;
CREATE INDEX agreements_region_credit_code ON agreements (region, credit_code, created_at, id) WHERE credit_code IS NOT NULL;

-- Down Migration
DROP INDEX agreements_region_credit_code;
ALTER TABLE agreements DROP COLUMN credit_code;
