-- Up Migration

-- Deliveries become one notice on one channel to one recipient: the claim that makes it happen
-- exactly once per (source, recipient, channel). A source is an event id, or a key of
-- notification's own (a reminder point, a digest, a review invitation).
ALTER TABLE deliveries RENAME COLUMN source_event_id TO source_id;
ALTER TABLE deliveries ALTER COLUMN source_id TYPE text;
ALTER TABLE deliveries
  ADD COLUMN event_type          text,
  ADD COLUMN recipient           text,
  ADD COLUMN urgency             text        NOT NULL DEFAULT 'prompt' CHECK (urgency IN ('urgent', 'prompt', 'digest')),
  ADD COLUMN template_version    integer     NOT NULL DEFAULT 1,
  ADD COLUMN short_text          text        NOT NULL DEFAULT '',
  -- What a webhook receiver gets besides the text: the trigger's fields (never addresses).
  ADD COLUMN data                jsonb,
  -- Held notices wait for the recipient's morning digest, then point at the digest that carried them.
  ADD COLUMN digest_due_at       timestamptz,
  ADD COLUMN digest_id           uuid,
  ADD COLUMN provider_message_id text;
-- The single anonymous webhook is retired: what it still had queued is kept, marked, not sent.
UPDATE deliveries SET event_type = 'routing.case.completed', recipient = 'admin:';
UPDATE deliveries SET status = 'failed', last_error = 'retired with the single webhook (migration 0100); replay to send' WHERE status = 'pending';
ALTER TABLE deliveries ALTER COLUMN event_type SET NOT NULL, ALTER COLUMN recipient SET NOT NULL;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed', 'held', 'digested', 'skipped'));
ALTER TABLE deliveries ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('sms', 'email', 'inbox', 'webhook'));
ALTER TABLE deliveries DROP CONSTRAINT deliveries_region_source_event_id_channel_template_key;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_once UNIQUE (region, source_id, recipient, channel);
CREATE INDEX deliveries_held ON deliveries (digest_due_at) WHERE status = 'held';
CREATE INDEX deliveries_recipient ON deliveries (region, recipient, created_at, id);
CREATE INDEX deliveries_dead ON deliveries (region, recipient, channel) WHERE status = 'failed';

-- The in-app inbox (站内信): one row per inbox delivery (same id), read by its owner only.
CREATE TABLE inbox_messages (
  id          uuid        PRIMARY KEY,
  region      text        NOT NULL,
  owner       text        NOT NULL,
  title       text        NOT NULL,
  body        text        NOT NULL,
  template    text        NOT NULL,
  urgency     text        NOT NULL,
  subject_id  text        NOT NULL,
  event_type  text        NOT NULL,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX inbox_messages_owner ON inbox_messages (region, owner, created_at DESC, id DESC);
CREATE INDEX inbox_messages_unread ON inbox_messages (region, owner) WHERE read_at IS NULL;

-- Who is who: notification's projection of intake's and agreement's events (never their tables).
CREATE TABLE projects (
  region               text        NOT NULL,
  project_id           text        NOT NULL,
  project_name         text        NOT NULL DEFAULT '',
  enterprise_id        text        NOT NULL DEFAULT '',
  enterprise_name      text        NOT NULL DEFAULT '',
  credit_code          text        NOT NULL DEFAULT '',
  division_code        text        NOT NULL DEFAULT '',
  industry_chain       text        NOT NULL DEFAULT '',
  key_project          boolean     NOT NULL DEFAULT false,
  investment_wan_yuan  numeric(16, 4),
  stage                text        NOT NULL DEFAULT 'registered',
  agreement_id         text        NOT NULL DEFAULT '',
  steward_id           text        NOT NULL DEFAULT '',
  steward_name         text        NOT NULL DEFAULT '',
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, project_id)
);
CREATE INDEX projects_enterprise ON projects (region, enterprise_id);

CREATE TABLE project_liaisons (
  region           text NOT NULL,
  project_id       text NOT NULL,
  department_code  text NOT NULL,
  department_name  text NOT NULL DEFAULT '',
  liaison_id       text NOT NULL,
  liaison_name     text NOT NULL DEFAULT '',
  PRIMARY KEY (region, project_id, department_code)
);

-- Routing's events name a case, not its project: agreement's plan.accepted (and case.completed) tell which.
CREATE TABLE cases (
  region      text NOT NULL,
  case_id     text NOT NULL,
  project_id  text NOT NULL,
  PRIMARY KEY (region, case_id)
);

-- Items of a project approved so far: the milestones policies target.
CREATE TABLE project_milestones (
  region       text        NOT NULL,
  project_id   text        NOT NULL,
  item_code    text        NOT NULL,
  approved_at  timestamptz NOT NULL,
  PRIMARY KEY (region, project_id, item_code)
);

-- Events about a case notification does not know yet (routing's item.routed is published before
-- agreement learns the case): kept until the case's project is known, then planned.
CREATE TABLE parked_events (
  region      text        NOT NULL,
  event_id    uuid        NOT NULL,
  case_id     text        NOT NULL,
  payload     bytea       NOT NULL,
  parked_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, event_id)
);
CREATE INDEX parked_events_case ON parked_events (region, case_id);
CREATE INDEX parked_events_age ON parked_events (parked_at);

-- Recipients' contact points and channel choice. Addresses are personal data: never logged, never
-- on the bus, masked for readers other than the owner and admins.
CREATE TABLE recipient_preferences (
  region      text        NOT NULL,
  recipient   text        NOT NULL,
  phone       text,
  email       text,
  channels    text[]      NOT NULL DEFAULT '{}',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text        NOT NULL,
  PRIMARY KEY (region, recipient)
);

-- Webhook endpoints of department systems and of the 12345 system, with their signing secrets.
CREATE TABLE webhook_endpoints (
  region         text        NOT NULL,
  recipient      text        NOT NULL,
  url            text        NOT NULL,
  secret         text        NOT NULL,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  registered_by  text        NOT NULL,
  PRIMARY KEY (region, recipient)
);

-- Escalating reminders: a clock notification watches (a 容缺 supplement, an item's committed
-- limit, a consultation) and the next of its configured points.
CREATE TABLE reminders (
  id                    uuid        PRIMARY KEY,
  region                text        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('supplement', 'item', 'consultation')),
  subject_id            text        NOT NULL,
  case_id               text        NOT NULL,
  item_id               text        NOT NULL,
  item_code             text        NOT NULL,
  department_code       text        NOT NULL,
  consulted_department  text        NOT NULL DEFAULT '',
  started_on            date        NOT NULL,
  due_on                date        NOT NULL,
  due_provisional       boolean     NOT NULL DEFAULT false,
  next_point            integer     NOT NULL DEFAULT 0,
  next_at               timestamptz,
  closed_at             timestamptz,
  UNIQUE (region, kind, subject_id)
);
CREATE INDEX reminders_due ON reminders (next_at) WHERE closed_at IS NULL;

-- Follow-ups (好差评): invitations by tokenized link (the token's SHA-256 only), reviews and the
-- rectifications bad ones open.
CREATE TABLE review_invitations (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  token_hash       text        NOT NULL UNIQUE,
  -- The reminder's own link (round 2); the first link keeps working too.
  reinvite_token_hash text      UNIQUE,
  subject_kind     text        NOT NULL CHECK (subject_kind IN ('item', 'case')),
  subject_id       text        NOT NULL,
  case_id          text        NOT NULL,
  project_id       text        NOT NULL,
  project_name     text        NOT NULL,
  item_code        text        NOT NULL DEFAULT '',
  department_code  text        NOT NULL DEFAULT '',
  credit_code      text        NOT NULL,
  round            integer     NOT NULL DEFAULT 1,
  invited_at       timestamptz NOT NULL,
  reinvite_at      timestamptz,
  expires_at       timestamptz NOT NULL,
  reviewed_at      timestamptz,
  UNIQUE (region, subject_kind, subject_id)
);
CREATE INDEX review_invitations_reinvite ON review_invitations (reinvite_at) WHERE reviewed_at IS NULL AND round = 1;

CREATE TABLE reviews (
  id                uuid        PRIMARY KEY,
  region            text        NOT NULL,
  invitation_id     uuid        NOT NULL UNIQUE REFERENCES review_invitations (id),
  rating            smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment           text        NOT NULL DEFAULT '',
  reviewed_at       timestamptz NOT NULL
);

CREATE TABLE rectifications (
  id                uuid        PRIMARY KEY,
  region            text        NOT NULL,
  review_id         uuid        NOT NULL UNIQUE REFERENCES reviews (id),
  project_id        text        NOT NULL,
  project_name      text        NOT NULL,
  department_code   text        NOT NULL,
  item_code         text        NOT NULL DEFAULT '',
  rating            smallint    NOT NULL,
  status            text        NOT NULL CHECK (status IN ('open', 'rectified', 'closed')),
  working_days      integer     NOT NULL,
  due_on            date        NOT NULL,
  due_provisional   boolean     NOT NULL DEFAULT false,
  overdue_at        timestamptz,
  summary           text        NOT NULL DEFAULT '',
  rectified_at      timestamptz,
  call_back_note    text        NOT NULL DEFAULT '',
  call_backs        integer     NOT NULL DEFAULT 0,
  closed_at         timestamptz,
  opened_at         timestamptz NOT NULL
);
CREATE INDEX rectifications_region ON rectifications (region, opened_at, id);
CREATE INDEX rectifications_overdue ON rectifications (due_on) WHERE status = 'open' AND overdue_at IS NULL;

-- 惠企政策: the catalogue and the pushes made (once per policy and project).
CREATE TABLE policies (
  id              uuid        PRIMARY KEY,
  region          text        NOT NULL,
  code            text        NOT NULL,
  title           text        NOT NULL,
  summary         text        NOT NULL,
  issuer          text        NOT NULL DEFAULT '',
  url             text        NOT NULL DEFAULT '',
  tags            jsonb       NOT NULL,
  no_application  boolean     NOT NULL DEFAULT false,
  active          boolean     NOT NULL DEFAULT true,
  version         integer     NOT NULL DEFAULT 1,
  valid_until     date,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text        NOT NULL,
  UNIQUE (region, code)
);

CREATE TABLE policy_matches (
  region          text        NOT NULL,
  policy_id       uuid        NOT NULL REFERENCES policies (id),
  project_id      text        NOT NULL,
  policy_version  integer     NOT NULL,
  credit_code     text        NOT NULL,
  trigger         text        NOT NULL,
  matched_tags    text[]      NOT NULL,
  matched_at      timestamptz NOT NULL,
  PRIMARY KEY (region, policy_id, project_id)
);
CREATE INDEX policy_matches_project ON policy_matches (region, project_id, matched_at);

-- Down Migration
DROP TABLE policy_matches;
DROP TABLE policies;
DROP TABLE rectifications;
DROP TABLE reviews;
DROP TABLE review_invitations;
DROP TABLE reminders;
DROP TABLE webhook_endpoints;
DROP TABLE recipient_preferences;
DROP TABLE parked_events;
DROP TABLE project_milestones;
DROP TABLE cases;
DROP TABLE project_liaisons;
DROP TABLE projects;
DROP TABLE inbox_messages;
DROP INDEX deliveries_dead;
DROP INDEX deliveries_recipient;
DROP INDEX deliveries_held;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_once;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
DELETE FROM deliveries WHERE status IN ('held', 'digested', 'skipped') OR channel <> 'webhook';
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed'));
ALTER TABLE deliveries DROP COLUMN provider_message_id, DROP COLUMN digest_id, DROP COLUMN digest_due_at, DROP COLUMN data,
  DROP COLUMN short_text, DROP COLUMN template_version, DROP COLUMN urgency, DROP COLUMN recipient, DROP COLUMN event_type;
DELETE FROM deliveries WHERE source_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
ALTER TABLE deliveries ALTER COLUMN source_id TYPE uuid USING source_id::uuid;
ALTER TABLE deliveries RENAME COLUMN source_id TO source_event_id;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_region_source_event_id_channel_template_key UNIQUE (region, source_event_id, channel, template);
