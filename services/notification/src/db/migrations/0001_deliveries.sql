-- Up Migration
CREATE TABLE deliveries (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  template         text        NOT NULL,
  channel          text        NOT NULL,
  source_event_id  uuid        NOT NULL,
  subject_id       text        NOT NULL,
  title            text        NOT NULL,
  body             text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  UNIQUE (region, source_event_id, channel, template)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_subject ON deliveries (region, subject_id, created_at);

-- Wakes the dispatchers once a queued delivery commits.
CREATE TRIGGER deliveries_notify AFTER INSERT ON deliveries FOR EACH STATEMENT EXECUTE FUNCTION steward_notify('steward_deliveries');

-- Down Migration
DROP TRIGGER deliveries_notify ON deliveries;
DROP TABLE deliveries;
