-- Up Migration

-- County side: an item of city jurisdiction is forwarded to the city's routing service (纵向联动);
-- the city's reports come back numbered, and a report older than the last one applied is ignored.
ALTER TABLE case_items
  ADD COLUMN forwarded_item_id uuid,
  ADD COLUMN forwarded_at      timestamptz,
  ADD COLUMN remote_sequence   bigint NOT NULL DEFAULT 0;
CREATE INDEX case_items_to_forward ON case_items (updated_at)
  WHERE handled_in_region IS NOT NULL AND forwarded_at IS NULL AND state = 'routed';

-- City side: the items counties forwarded, and what to report back to them, in order.
CREATE TABLE forwarded_items (
  item_id         uuid PRIMARY KEY REFERENCES case_items (id),
  region          text NOT NULL,
  origin_region   text NOT NULL,
  origin_case_id  uuid NOT NULL,
  origin_item_id  uuid NOT NULL,
  UNIQUE (origin_region, origin_item_id)
);

CREATE TABLE forward_reports (
  seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region          text        NOT NULL,
  origin_region   text        NOT NULL,
  origin_item_id  uuid        NOT NULL,
  state           text        NOT NULL,
  action          text        NOT NULL,
  actor           text        NOT NULL,
  reason          text        NOT NULL DEFAULT '',
  outstanding     text[]      NOT NULL DEFAULT '{}',
  at              timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX forward_reports_pending ON forward_reports (origin_region, seq) WHERE sent_at IS NULL;

-- Down Migration
DROP TABLE forward_reports;
DROP TABLE forwarded_items;
DROP INDEX case_items_to_forward;
ALTER TABLE case_items DROP COLUMN remote_sequence, DROP COLUMN forwarded_at, DROP COLUMN forwarded_item_id;
