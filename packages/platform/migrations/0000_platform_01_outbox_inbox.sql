-- Up Migration

-- Events recorded in the same transaction as the business rows they describe; the relay
-- publishes them to JetStream off the request path.
CREATE TABLE outbox (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id      uuid        NOT NULL UNIQUE,
  region        text        NOT NULL,
  subject       text        NOT NULL,
  event_type    text        NOT NULL,
  payload       bytea       NOT NULL,
  headers       jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

-- Wakes whoever LISTENs on the channel named by the trigger's argument once rows commit, so work
-- queued in a table waits for no polling interval. Services use it for their own queues too.
CREATE FUNCTION steward_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END $$;

-- Wakes the relay as soon as an event commits.
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION steward_notify('steward_outbox');

-- Events a consumer has handled, written in the handler's own transaction: a redelivered or
-- replayed event finds its row and changes nothing.
CREATE TABLE inbox (
  consumer     text        NOT NULL,
  event_id     uuid        NOT NULL,
  region       text        NOT NULL,
  event_type   text        NOT NULL,
  handled_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Down Migration
DROP TABLE inbox;
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION steward_notify();
DROP TABLE outbox;
