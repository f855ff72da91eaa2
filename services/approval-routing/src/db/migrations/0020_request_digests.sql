-- Up Migration
-- An idempotency key is bound to the request it was first used for: the SHA-256 of the canonical
-- request (every field but the key, text in NFC) is kept with it, so a retry answers as before and
-- the same key with another request is refused (REQUEST_ID_REUSED). Rows from before have none and
-- are compared by item and action, as they were.
ALTER TABLE gateway_requests ADD COLUMN request_digest bytea;
ALTER TABLE plan_submissions ADD COLUMN request_digest bytea;

-- Down Migration
ALTER TABLE plan_submissions DROP COLUMN request_digest;
ALTER TABLE gateway_requests DROP COLUMN request_digest;
