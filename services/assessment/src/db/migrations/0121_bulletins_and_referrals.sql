-- Up Migration
-- Published quarterly bulletins (考评通报), frozen: the snapshot of rankings and figures, the
-- scoring rule version it used and the digest of its canonical JSON. The table refuses UPDATE
-- and DELETE: a correction is shown in a later bulletin, never by rewriting a published one.
CREATE TABLE bulletins (
  region         text        NOT NULL,
  quarter        text        NOT NULL,
  rule_version   text        NOT NULL,
  snapshot       jsonb       NOT NULL,
  digest         text        NOT NULL,
  published_at   timestamptz NOT NULL,
  published_by   text        NOT NULL,
  PRIMARY KEY (region, quarter)
);

CREATE FUNCTION bulletins_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published bulletins are frozen (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER bulletins_frozen BEFORE UPDATE OR DELETE ON bulletins FOR EACH ROW EXECUTE FUNCTION bulletins_frozen();
CREATE TRIGGER bulletins_not_truncated BEFORE TRUNCATE ON bulletins FOR EACH STATEMENT EXECUTE FUNCTION bulletins_frozen();

-- Accountability referrals (作风问责): what was referred, the evidence taken when it was (the
-- case's ledger excerpt and its verification), and where the accountability office has got to.
CREATE TABLE referrals (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  request_id       text        NOT NULL,
  source           text        NOT NULL CHECK (source IN ('overdue_item', 'bad_review', 'complaint')),
  case_region      text        NOT NULL,
  case_id          uuid        NOT NULL,
  item_id          uuid,
  item_code        text        NOT NULL DEFAULT '',
  department_code  text        NOT NULL DEFAULT '',
  project_id       uuid,
  project_name     text        NOT NULL DEFAULT '',
  complaint_id     uuid,
  review_id        text        NOT NULL DEFAULT '',
  reason           text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('raised', 'accepted', 'investigating', 'closed')),
  outcome          text        NOT NULL DEFAULT '',
  evidence         jsonb       NOT NULL,
  ledger_intact    boolean     NOT NULL,
  ledger_rows      integer     NOT NULL,
  raised_at        timestamptz NOT NULL,
  raised_by        text        NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (region, request_id)
);
CREATE INDEX referrals_region ON referrals (region, raised_at DESC);

-- Down Migration
DROP TABLE referrals;
DROP TABLE bulletins;
DROP FUNCTION bulletins_frozen();
