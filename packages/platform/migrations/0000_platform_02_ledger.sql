-- Up Migration

-- The ledger (台账): an append-only, hash-chained record of every transition. A chain is one
-- (region, chain_id) pair, e.g. ('hanbin', 'case:<uuid>'); its rows are numbered 1, 2, 3, … and
-- each row's hash is SHA-256(previous row's hash || canonical row), computed by
-- packages/platform/src/ledger (appendLedger) in the same transaction as the state change.
CREATE TABLE ledger (
  seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region       text        NOT NULL,
  chain_id     text        NOT NULL,
  position     integer     NOT NULL CHECK (position >= 1),
  actor        text        NOT NULL,
  action       text        NOT NULL,
  subject      text        NOT NULL DEFAULT '',
  from_state   text        NOT NULL DEFAULT '',
  to_state     text        NOT NULL DEFAULT '',
  reason       text        NOT NULL DEFAULT '',
  details      jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  -- Server time. appendLedger reads clock_timestamp() after taking the chain's lock and writes
  -- that value (it is hashed, so it must be known before the insert); ledger_server_time below
  -- refuses any value that is not a server time from inside the inserting transaction.
  recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  prev_hash    text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash         text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- Two transactions appending to one chain cannot both take the same position: no fork. The
  -- index also serves reading a chain in order.
  CONSTRAINT ledger_chain_position UNIQUE (region, chain_id, position)
);

-- The ledger records the server's clock, not a time the writer chose: a recorded_at before the
-- inserting transaction began, or later than now, is refused.
CREATE FUNCTION ledger_server_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.recorded_at < now() OR NEW.recorded_at > clock_timestamp() THEN
    RAISE EXCEPTION 'ledger recorded_at must be the server time of the appending transaction'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_server_time BEFORE INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_server_time();

-- Append-only. Services connect as the table's owner in local development, where REVOKE alone
-- would not bind them, so UPDATE, DELETE and TRUNCATE are refused by triggers as well. (A table
-- owner or superuser can still disable user triggers; production service roles own nothing and
-- are not superusers.)
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON ledger FROM PUBLIC;

-- Down Migration
DROP TABLE ledger;
DROP FUNCTION ledger_append_only();
DROP FUNCTION ledger_server_time();
