-- Up Migration

-- The trace that queued the delivery (the consumer of the event it announces, W3C headers): each
-- webhook POST is a span under it and sends its traceparent, so the notice joins its case's trace.
ALTER TABLE deliveries ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Down Migration
ALTER TABLE deliveries DROP COLUMN trace_context;
