-- Up Migration

-- The trace the agreement began in (the project's registration, W3C headers): signing it and
-- approving its plans link to it, so a project's life can be followed from its registration.
ALTER TABLE agreements ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Down Migration
ALTER TABLE agreements DROP COLUMN trace_context;
