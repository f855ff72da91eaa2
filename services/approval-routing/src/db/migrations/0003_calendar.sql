-- Up Migration
-- The working-day calendar. Both tables are city-wide reference data: the State Council's holiday
-- notice applies to every region alike and every region's deadlines are computed on the same
-- calendar, so they carry no region column (like the item catalogue).

-- Days of a published schedule entered by an administrator, on top of the official data shipped
-- with the chinese-days package; a row here wins over the package for its date.
CREATE TABLE calendar_overrides (
  date        date        PRIMARY KEY,
  -- 'holiday': an official day off (also on a weekday); 'workday': a make-up working day (调休).
  kind        text        NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note        text,
  -- The notice the day comes from, e.g. 国办发明电〔2026〕N号.
  source      text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Years whose schedule an administrator has published. Overrides of a year without a row here are
-- staged: deadlines in such a year are computed on weekends only and marked provisional.
CREATE TABLE calendar_years (
  year          integer     PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
  published_at  timestamptz NOT NULL DEFAULT now(),
  source        text        NOT NULL,
  published_by  text        NOT NULL
);

-- Down Migration
DROP TABLE calendar_years;
DROP TABLE calendar_overrides;
