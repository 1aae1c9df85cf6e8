-- Core tables of the runtime. Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB 10.6+.
-- Times are epoch milliseconds (BIGINT, UTC) so that no database or driver time zone can shift them;
-- step start times are epoch microseconds. JSON documents are stored as text.

CREATE TABLE flow (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  draft           LONGTEXT     NOT NULL,
  problems        LONGTEXT     NOT NULL,
  error_count     INT          NOT NULL,
  revision        INT          NOT NULL,
  latest_version  INT,
  updated_at      BIGINT       NOT NULL,
  updated_by      VARCHAR(100)
);

CREATE TABLE flow_version (
  flow_id         VARCHAR(64)  NOT NULL,
  version_no      INT          NOT NULL,
  document        LONGTEXT     NOT NULL,
  publish_comment VARCHAR(500),
  published_at    BIGINT       NOT NULL,
  published_by    VARCHAR(100),
  PRIMARY KEY (flow_id, version_no)
);

-- Which published flow answers a channel address (the number a call was made to, a mailbox, ...).
CREATE TABLE trigger_address (
  channel         VARCHAR(16)  NOT NULL,
  address         VARCHAR(320) NOT NULL,
  flow_id         VARCHAR(64)  NOT NULL,
  PRIMARY KEY (channel, address)
);

CREATE TABLE interaction (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  flow_id         VARCHAR(64)  NOT NULL,
  flow_version    INT          NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  current_node    VARCHAR(64),
  variables       LONGTEXT     NOT NULL,
  trigger_data    LONGTEXT     NOT NULL,
  waiting         LONGTEXT,
  wait_deadline   BIGINT,
  instruction     LONGTEXT,
  outcome         VARCHAR(500),
  error_message   VARCHAR(2000),
  priority        VARCHAR(16),
  queue           VARCHAR(100),
  external_ref    VARCHAR(100),
  step_count      INT          NOT NULL,
  revision        INT          NOT NULL,
  created_at      BIGINT       NOT NULL,
  updated_at      BIGINT       NOT NULL
);
CREATE INDEX interaction_wait_deadline ON interaction (wait_deadline);
CREATE INDEX interaction_flow ON interaction (flow_id, created_at);
CREATE INDEX interaction_external_ref ON interaction (external_ref);

CREATE TABLE interaction_step (
  interaction_id  CHAR(36)     NOT NULL,
  seq             INT          NOT NULL,
  node_id         VARCHAR(64)  NOT NULL,
  node_type       VARCHAR(16)  NOT NULL,
  port            VARCHAR(64),
  started_at      BIGINT       NOT NULL,
  duration_ns     BIGINT       NOT NULL,
  changes         LONGTEXT,
  error_message   VARCHAR(2000),
  PRIMARY KEY (interaction_id, seq)
);

-- Outbound effects written in the same transaction as the step that caused them, delivered after commit.
CREATE TABLE outbox (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  interaction_id  CHAR(36)     NOT NULL,
  step_seq        INT          NOT NULL,
  kind            VARCHAR(16)  NOT NULL,
  payload         LONGTEXT     NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  lease_until     BIGINT,
  last_error      VARCHAR(2000),
  created_at      BIGINT       NOT NULL,
  sent_at         BIGINT,
  CONSTRAINT outbox_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_interaction ON outbox (interaction_id);

CREATE TABLE alert (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  interaction_id  CHAR(36)     NOT NULL,
  flow_id         VARCHAR(64)  NOT NULL,
  node_id         VARCHAR(64)  NOT NULL,
  severity        VARCHAR(16)  NOT NULL,
  message         VARCHAR(2000) NOT NULL,
  queue           VARCHAR(100),
  created_at      BIGINT       NOT NULL,
  acknowledged_at BIGINT
);
CREATE INDEX alert_created ON alert (created_at);

CREATE TABLE ticket (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  subject         VARCHAR(500) NOT NULL,
  status          VARCHAR(32)  NOT NULL,
  priority        VARCHAR(16)  NOT NULL,
  queue           VARCHAR(100),
  created_at      BIGINT       NOT NULL,
  updated_at      BIGINT       NOT NULL
);

CREATE TABLE ticket_interaction (
  ticket_id       CHAR(36)     NOT NULL,
  interaction_id  CHAR(36)     NOT NULL,
  attached_at     BIGINT       NOT NULL,
  PRIMARY KEY (ticket_id, interaction_id)
);
