-- Call lists (campaigns): contacts imported from CSV, worked by the agents of a queue with a published
-- flow's script. An entry is dialled when an agent of the queue is free; its outcome decides whether it
-- is done, tried again after the retry interval (up to the maximum attempts), or called back at a time.
-- status of a list: paused, active. status of an entry: pending, dialling, done, failed.

CREATE TABLE call_list (
  id              VARCHAR(100) NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  flow_id         VARCHAR(64)  NOT NULL,
  queue_id        VARCHAR(100) NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  max_attempts    INT          NOT NULL,
  retry_minutes   INT          NOT NULL,
  created_at      BIGINT       NOT NULL,
  updated_at      BIGINT       NOT NULL
);

CREATE TABLE call_list_entry (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  list_id         VARCHAR(100)  NOT NULL,
  line_no         INT           NOT NULL,
  phone           VARCHAR(32)   NOT NULL,
  name            VARCHAR(200),
  columns_json    VARCHAR(8000) NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  preferred_agent VARCHAR(100),
  last_outcome    VARCHAR(32),
  last_agent      VARCHAR(100),
  interaction_id  CHAR(36),
  updated_at      BIGINT        NOT NULL
);
CREATE INDEX call_list_entry_due ON call_list_entry (list_id, status, next_attempt_at);
CREATE INDEX call_list_entry_interaction ON call_list_entry (interaction_id);
