-- Up Migration
-- The enterprise of a case (unified social credit code), required of every plan from now on;
-- cases opened before stay without one.
ALTER TABLE cases ADD COLUMN credit_code text;
CREATE INDEX cases_enterprise ON cases (region, credit_code) WHERE credit_code IS NOT NULL;

-- Bars after a false commitment (告知承诺 found false by 审后核查): the enterprise is refused the
-- barred modes through barred_through. A region keeps the bars raised on its own items, those the
-- city reports back on items it decided for the region, and (in the city) those counties report.
CREATE TABLE commitment_bars (
  region          text        NOT NULL,
  credit_code     text        NOT NULL,
  origin_region   text        NOT NULL,
  origin_item_id  uuid        NOT NULL,
  item_code       text        NOT NULL,
  revoked_on      date        NOT NULL,
  barred_through  date        NOT NULL,
  reason          text        NOT NULL DEFAULT '',
  -- This region's case of the revoked item; null for a bar learned from another region.
  case_id         uuid,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  -- County side: when the city took a bar raised here (RegionLinkService.ReportCommitmentBar).
  reported_at     timestamptz,
  PRIMARY KEY (region, origin_region, origin_item_id),
  CHECK (barred_through >= revoked_on)
);
CREATE INDEX commitment_bars_enterprise ON commitment_bars (region, credit_code, barred_through);
CREATE INDEX commitment_bars_to_report ON commitment_bars (region, recorded_at) WHERE reported_at IS NULL AND origin_region = region;

-- Down Migration
DROP TABLE commitment_bars;
DROP INDEX cases_enterprise;
ALTER TABLE cases DROP COLUMN credit_code;
