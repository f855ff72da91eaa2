-- Up Migration
-- Prerequisites some projects only need (消防设计审查 only for 特殊建设工程, 排污许可 after whichever
-- 环评...): they order two items of a plan that holds both, and a plan may leave them out. The
-- prerequisites column keeps those every project needs, which a plan holds or declares satisfied.
ALTER TABLE catalogue_items ADD COLUMN conditional_prerequisites text[] NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE catalogue_items DROP COLUMN conditional_prerequisites;
