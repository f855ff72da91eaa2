-- Up Migration
-- Prerequisites a plan declares satisfied outside it, by the approval's 批文号 and date:
-- [{"itemCode", "documentRef", "approvedOn"}]. Approval routing refuses a plan whose items'
-- prerequisites are neither planned nor declared.
ALTER TABLE plans ADD COLUMN satisfied_prerequisites jsonb NOT NULL DEFAULT '[]';

-- Down Migration
ALTER TABLE plans DROP COLUMN satisfied_prerequisites;
