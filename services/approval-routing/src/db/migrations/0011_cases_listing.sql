-- Up Migration
-- ListCases pages a region's cases newest first, of one project when asked; FindCase finds a
-- project's latest case.
CREATE INDEX cases_listing ON cases (region, created_at, id);
CREATE INDEX cases_project ON cases (region, project_id, created_at, id);

-- Down Migration
DROP INDEX cases_project;
DROP INDEX cases_listing;
