-- Ticketing: the case is a thread that gathers every interaction, e-mail, message and note about it in
-- time order; customers matched by e-mail address or phone number; configurable statuses with time
-- limits per priority; first-response and resolution targets; business hours; reply templates and
-- snippets. The minimal ticket table of V1 becomes the thread table (rows kept, numbered by age).

CREATE TABLE customer (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  name            VARCHAR(200),
  created_at      BIGINT       NOT NULL,
  updated_at      BIGINT       NOT NULL
);

-- kind: email (lower case) | phone (digits with a leading +)
CREATE TABLE customer_contact (
  kind            VARCHAR(8)   NOT NULL,
  contact         VARCHAR(320) NOT NULL,
  customer_id     CHAR(36)     NOT NULL,
  PRIMARY KEY (kind, contact)
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id);

-- the next thread number, taken under the row's lock
CREATE TABLE thread_counter (
  name            VARCHAR(16)  NOT NULL PRIMARY KEY,
  next_number     BIGINT       NOT NULL
);

-- sla_state: ok | nearing | breached; next_check: when the SLA round looks at it again (null: nothing to watch);
-- raised_from: the priority it had before nearing its limit raised it.
CREATE TABLE thread (
  id                 CHAR(36)     NOT NULL PRIMARY KEY,
  number             BIGINT       NOT NULL,
  subject            VARCHAR(500) NOT NULL,
  customer_id        CHAR(36),
  queue              VARCHAR(100),
  assignee           VARCHAR(100),
  priority           VARCHAR(16)  NOT NULL,
  status             VARCHAR(32)  NOT NULL,
  channel            VARCHAR(16),
  created_at         BIGINT       NOT NULL,
  updated_at         BIGINT       NOT NULL,
  status_since       BIGINT       NOT NULL,
  status_due         BIGINT,
  first_response_at  BIGINT,
  first_response_due BIGINT,
  resolved_at        BIGINT,
  resolution_due     BIGINT,
  paused_at          BIGINT,
  sla_state          VARCHAR(16)  NOT NULL,
  breach             VARCHAR(200),
  breached_at        BIGINT,
  next_check         BIGINT,
  raised_from        VARCHAR(16),
  CONSTRAINT thread_number UNIQUE (number)
);
CREATE INDEX thread_queue ON thread (queue, status);
CREATE INDEX thread_assignee ON thread (assignee, status);
CREATE INDEX thread_next_check ON thread (next_check);
CREATE INDEX thread_updated ON thread (updated_at);
CREATE INDEX thread_sla ON thread (sla_state, updated_at);
CREATE INDEX thread_customer ON thread (customer_id);

INSERT INTO thread (id, number, subject, queue, priority, status, created_at, updated_at, status_since, sla_state)
SELECT t.id,
       1000 + (SELECT COUNT(*) FROM ticket o WHERE o.created_at < t.created_at OR (o.created_at = t.created_at AND o.id <= t.id)),
       t.subject, t.queue, t.priority, t.status, t.created_at, t.updated_at, t.updated_at, 'ok'
FROM ticket t;
INSERT INTO thread_counter (name, next_number) SELECT 'thread', 1001 + COUNT(*) FROM ticket;

CREATE TABLE thread_interaction (
  thread_id       CHAR(36)     NOT NULL,
  interaction_id  CHAR(36)     NOT NULL,
  attached_at     BIGINT       NOT NULL,
  PRIMARY KEY (thread_id, interaction_id)
);
CREATE INDEX thread_interaction_interaction ON thread_interaction (interaction_id);
INSERT INTO thread_interaction (thread_id, interaction_id, attached_at)
SELECT ticket_id, interaction_id, attached_at FROM ticket_interaction;
DROP TABLE ticket_interaction;
DROP TABLE ticket;

-- The timeline. kind: interaction | email | message | note | document | change; direction: in | out | internal.
-- thread_id is null while an inbound e-mail is held for the interaction a flow runs on it.
-- detail: JSON (a change's field, from and to; a problem reading the message; a call card's snapshot).
CREATE TABLE thread_entry (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  thread_id       CHAR(36),
  interaction_id  CHAR(36),
  kind            VARCHAR(16)   NOT NULL,
  direction       VARCHAR(8)    NOT NULL,
  at              BIGINT        NOT NULL,
  by_user         VARCHAR(100),
  from_addr       VARCHAR(320),
  to_addr         VARCHAR(4000),
  cc_addr         VARCHAR(4000),
  subject         VARCHAR(998),
  body            LONGTEXT,
  html            LONGTEXT,
  message_id      VARCHAR(255),
  in_reply_to     VARCHAR(255),
  outbox_id       CHAR(36),
  detail          LONGTEXT
);
CREATE INDEX thread_entry_thread ON thread_entry (thread_id, at);
CREATE INDEX thread_entry_message ON thread_entry (message_id);
CREATE INDEX thread_entry_interaction ON thread_entry (interaction_id);

-- content is null for an attachment refused (too large), with the reason
CREATE TABLE thread_attachment (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  entry_id        CHAR(36)     NOT NULL,
  name            VARCHAR(255) NOT NULL,
  content_type    VARCHAR(200) NOT NULL,
  size            BIGINT       NOT NULL,
  content         LONGBLOB,
  refused         VARCHAR(500)
);
CREATE INDEX thread_attachment_entry ON thread_attachment (entry_id);

-- pauses_clock: the first-response and resolution clocks stand still in it; resolves: the case counts as solved.
CREATE TABLE thread_status (
  id              VARCHAR(32)  NOT NULL PRIMARY KEY,
  label           VARCHAR(100) NOT NULL,
  position        INT          NOT NULL,
  pauses_clock    BOOLEAN      NOT NULL,
  resolves        BOOLEAN      NOT NULL
);

-- how long a thread may stay in a status, per priority (no row: no limit)
CREATE TABLE thread_status_limit (
  status_id       VARCHAR(32)  NOT NULL,
  priority        VARCHAR(16)  NOT NULL,
  minutes         INT          NOT NULL,
  PRIMARY KEY (status_id, priority)
);

CREATE TABLE sla_target (
  priority               VARCHAR(16) NOT NULL PRIMARY KEY,
  first_response_minutes INT,
  resolution_minutes     INT
);

-- weekly: JSON {"mon": ["08:00", "17:00"], ...}; holidays: JSON ["2026-12-24", ...]; in time_zone.
CREATE TABLE business_hours (
  id              VARCHAR(16)   NOT NULL PRIMARY KEY,
  enabled         BOOLEAN       NOT NULL,
  time_zone       VARCHAR(64)   NOT NULL,
  weekly          VARCHAR(2000) NOT NULL,
  holidays        VARCHAR(8000) NOT NULL
);

CREATE TABLE reply_template (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  subject         VARCHAR(500),
  body            LONGTEXT     NOT NULL,
  updated_at      BIGINT       NOT NULL,
  updated_by      VARCHAR(100)
);

-- id is what an agent types after '::' to insert it
CREATE TABLE snippet (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  body            LONGTEXT     NOT NULL,
  updated_at      BIGINT       NOT NULL,
  updated_by      VARCHAR(100)
);

-- round robin: when each member of a queue was last given a thread
CREATE TABLE thread_round_robin (
  queue           VARCHAR(100) NOT NULL,
  username        VARCHAR(100) NOT NULL,
  last_assigned_at BIGINT      NOT NULL,
  PRIMARY KEY (queue, username)
);

ALTER TABLE alert ADD COLUMN thread_id CHAR(36);

INSERT INTO thread_status (id, label, position, pauses_clock, resolves) VALUES
  ('new', 'New', 1, FALSE, FALSE),
  ('open', 'Open', 2, FALSE, FALSE),
  ('waiting', 'Waiting for customer', 3, TRUE, FALSE),
  ('solved', 'Solved', 4, FALSE, TRUE),
  ('closed', 'Closed', 5, FALSE, TRUE);
INSERT INTO thread_status_limit (status_id, priority, minutes) VALUES
  ('new', 'urgent', 30), ('new', 'high', 60), ('new', 'normal', 240), ('new', 'low', 480),
  ('open', 'urgent', 240), ('open', 'high', 480), ('open', 'normal', 1440), ('open', 'low', 2880);
INSERT INTO sla_target (priority, first_response_minutes, resolution_minutes) VALUES
  ('urgent', 30, 240), ('high', 60, 480), ('normal', 240, 1440), ('low', 480, 4320);
INSERT INTO business_hours (id, enabled, time_zone, weekly, holidays) VALUES
  ('default', FALSE, 'UTC', '{"mon":["08:00","17:00"],"tue":["08:00","17:00"],"wed":["08:00","17:00"],"thu":["08:00","17:00"],"fri":["08:00","17:00"]}', '[]');
