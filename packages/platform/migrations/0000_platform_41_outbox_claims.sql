-- Up Migration

-- The relay claims a batch for a lease, in a statement of its own, and publishes it outside any
-- transaction: waiting for JetStream's acknowledgements (or for NATS to come back) holds no
-- Postgres session, row lock or snapshot. A claim stops other relays from publishing the same
-- rows at the same time; rows claimed by a relay that died mid-batch are claimed again once the
-- lease has run out (and JetStream's duplicate window drops what it had already stored).
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;

-- Down Migration
ALTER TABLE outbox DROP COLUMN claimed_until;
