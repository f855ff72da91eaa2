-- Up Migration
-- The project's enterprise (unified social credit code, from intake.project.registered), which
-- approval routing needs to hold a bar after a false commitment against it; empty for agreements
-- drafted before it was kept.
ALTER TABLE agreements ADD COLUMN credit_code text NOT NULL DEFAULT '';

-- Prerequisites a plan declares satisfied outside it: [{"itemCode", "documentRef", "approvedOn"}].
ALTER TABLE plans ADD COLUMN satisfied_prerequisites jsonb NOT NULL DEFAULT '[]';

-- Down Migration
ALTER TABLE plans DROP COLUMN satisfied_prerequisites;
ALTER TABLE agreements DROP COLUMN credit_code;
