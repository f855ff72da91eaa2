-- Up Migration

-- The order deliveries were claimed in: the order their events were handled (a batch's events in
-- the stream's order). A digest lists its notices by it. created_at alone ties within a batch (one
-- clock reading for the whole transaction) and the ids are random, so it cannot order them.
ALTER TABLE deliveries ADD COLUMN claim_seq bigint GENERATED ALWAYS AS IDENTITY;

-- Down Migration
ALTER TABLE deliveries DROP COLUMN claim_seq;
