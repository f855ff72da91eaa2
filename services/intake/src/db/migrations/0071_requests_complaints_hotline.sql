-- Up Migration

-- Service requests (诉求) from an enterprise or its steward, each with an owner, a clock and an answer.
CREATE TABLE service_requests (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  project_id       uuid        NOT NULL REFERENCES projects (id),
  category         text        NOT NULL,
  title            text        NOT NULL,
  content          text        NOT NULL,
  channel          text        NOT NULL CHECK (channel IN ('enterprise', 'steward')),
  owner_id         text        NOT NULL DEFAULT '',
  status           text        NOT NULL CHECK (status IN ('open', 'answered')),
  submitted_by     text        NOT NULL,
  submitted_at     timestamptz NOT NULL,
  due_on           date        NOT NULL,
  due_at           timestamptz NOT NULL,
  due_provisional  boolean     NOT NULL,
  remind_at        timestamptz NOT NULL,
  reminded         text        NOT NULL DEFAULT 'none' CHECK (reminded IN ('none', 'due_soon', 'overdue')),
  answer           text,
  answered_by      text,
  answered_at      timestamptz
);
CREATE INDEX service_requests_region_project ON service_requests (region, project_id, submitted_at);
CREATE INDEX service_requests_open_due ON service_requests (remind_at) WHERE status = 'open';

-- 办不成事 complaints from every channel, linked to a project, an enterprise or an item.
CREATE TABLE complaints (
  id                      uuid        PRIMARY KEY,
  region                  text        NOT NULL,
  channel                 text        NOT NULL,
  project_id              uuid        REFERENCES projects (id),
  enterprise_id           uuid        REFERENCES enterprises (id),
  item_code               text,
  departments             text[]      NOT NULL,
  responsible_department  text        NOT NULL,
  status                  text        NOT NULL CHECK (status IN ('received', 'escalated', 'answered')),
  title                   text        NOT NULL,
  content                 text        NOT NULL,
  conduct                 boolean     NOT NULL DEFAULT false,
  -- The person who complained: masked for roles that do not need it, never logged.
  complainant_name        text,
  complainant_phone       text,
  received_by             text        NOT NULL,
  received_at             timestamptz NOT NULL,
  due_on                  date        NOT NULL,
  due_at                  timestamptz NOT NULL,
  due_provisional         boolean     NOT NULL,
  remind_at               timestamptz NOT NULL,
  reminded                text        NOT NULL DEFAULT 'none' CHECK (reminded IN ('none', 'due_soon', 'overdue')),
  escalation_cause        text,
  escalated_at            timestamptz,
  answer                  text,
  answered_by             text,
  answered_at             timestamptz,
  hotline_ticket_id       uuid
);
CREATE INDEX complaints_region_received ON complaints (region, received_at, id);
CREATE INDEX complaints_region_department ON complaints (region, responsible_department);
CREATE INDEX complaints_open_due ON complaints (remind_at) WHERE status <> 'answered';

-- 12345 hotline tickets, created or linked by the hotline's signed webhook.
CREATE TABLE hotline_tickets (
  id                      uuid        PRIMARY KEY,
  region                  text        NOT NULL,
  ticket_no               text        NOT NULL,
  tier                    text        NOT NULL,
  status                  text        NOT NULL CHECK (status IN ('received', 'in_progress', 'answered', 'closed')),
  title                   text        NOT NULL,
  content                 text        NOT NULL,
  caller_name             text,
  caller_phone            text,
  received_at             timestamptz NOT NULL,
  due_at                  timestamptz NOT NULL,
  remind_at               timestamptz NOT NULL,
  reminded                text        NOT NULL DEFAULT 'none' CHECK (reminded IN ('none', 'due_soon', 'overdue')),
  project_id              uuid        REFERENCES projects (id),
  enterprise_id           uuid        REFERENCES enterprises (id),
  item_code               text,
  complaint_id            uuid        REFERENCES complaints (id),
  coordinator             text        NOT NULL CHECK (coordinator IN ('hotline', 'service_centre')),
  responsible_department  text        NOT NULL DEFAULT '',
  answer                  text,
  answered_by             text,
  answered_at             timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region, ticket_no)
);
CREATE INDEX hotline_tickets_open_due ON hotline_tickets (remind_at) WHERE status IN ('received', 'in_progress');

-- Every webhook message the hotline sent, by its webhook-id, kept for the replay window and
-- beyond: a retried or replayed message finds its row and changes nothing.
CREATE TABLE hotline_inbound_messages (
  message_id   text        PRIMARY KEY,
  region       text        NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  ticket_id    uuid
);
CREATE INDEX hotline_inbound_messages_received ON hotline_inbound_messages (received_at);

-- Status changes to push back to the hotline (signed, retried with back-off).
CREATE TABLE hotline_deliveries (
  id               uuid        PRIMARY KEY,
  region           text        NOT NULL,
  ticket_id        uuid        NOT NULL REFERENCES hotline_tickets (id),
  body             jsonb       NOT NULL,
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  failed_at        timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_deliveries_due ON hotline_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE TRIGGER hotline_deliveries_notify AFTER INSERT ON hotline_deliveries FOR EACH STATEMENT EXECUTE FUNCTION steward_notify('intake_hotline_deliveries');

-- Down Migration
DROP TABLE hotline_deliveries;
DROP TABLE hotline_inbound_messages;
DROP TABLE hotline_tickets;
DROP TABLE complaints;
DROP TABLE service_requests;
