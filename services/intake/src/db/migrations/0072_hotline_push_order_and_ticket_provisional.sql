-- Up Migration

-- Pushes to the hotline are leased, not held in a transaction across the HTTP call: leasing moves
-- next_attempt_at past the call's timeout and counts the attempt, which then fences the outcome.
-- `seq` orders a ticket's pushes as they were queued (its changes are queued under the ticket's
-- row lock, so the order of inserts is the order of the changes); only the oldest pending push of
-- a ticket is leased, so the hotline hears a ticket's changes in order.
ALTER TABLE hotline_deliveries ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX hotline_deliveries_ticket_pending ON hotline_deliveries (ticket_id, seq) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- A ticket's tier in calendar days ends on a working day (a due date on a holiday moves to the
-- next working day): in a year whose holiday schedule is not published that date is provisional,
-- like the complaint and request clocks, and recomputed when the year is published.
ALTER TABLE hotline_tickets ADD COLUMN due_provisional boolean NOT NULL DEFAULT false;

-- The civil due date is stored as computed, like the other clocks: deriving it from due_at named
-- the day after for a tier in days (due_at is the exclusive end of the due date). Rows before this
-- migration take the date of the instant just before due_at.
ALTER TABLE hotline_tickets ADD COLUMN due_on date;
UPDATE hotline_tickets SET due_on = ((due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE hotline_tickets ALTER COLUMN due_on SET NOT NULL;

-- Open clocks still provisional, for the recomputation when a year is published.
CREATE INDEX complaints_provisional ON complaints (region) WHERE due_provisional AND status <> 'answered';
CREATE INDEX service_requests_provisional ON service_requests (region) WHERE due_provisional AND status = 'open';
CREATE INDEX hotline_tickets_provisional ON hotline_tickets (region) WHERE due_provisional AND status IN ('received', 'in_progress');

-- Down Migration
DROP INDEX hotline_tickets_provisional;
DROP INDEX service_requests_provisional;
DROP INDEX complaints_provisional;
ALTER TABLE hotline_tickets DROP COLUMN due_on, DROP COLUMN due_provisional;
DROP INDEX hotline_deliveries_ticket_pending;
ALTER TABLE hotline_deliveries DROP COLUMN seq;
