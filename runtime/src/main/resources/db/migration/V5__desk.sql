-- The agent desk: queues, agents' presence and capacity, the interactions waiting in queues, the
-- offers made to agents and the assignments they accepted, agents' notes, and the voice provider
-- that bridges accepted calls. Every offer and assignment is claimed by a conditional update on these
-- rows, so that several instances on one database never offer one interaction twice at once or give
-- an agent more work than their capacity.

CREATE TABLE queue (
  id                      VARCHAR(100)  NOT NULL PRIMARY KEY,
  name                    VARCHAR(200)  NOT NULL,
  max_wait_seconds        INT           NOT NULL,
  after_call_work_seconds INT           NOT NULL,
  wrap_up_codes           VARCHAR(4000) NOT NULL,
  updated_at              BIGINT        NOT NULL
);

CREATE TABLE queue_member (
  queue_id        VARCHAR(100) NOT NULL,
  username        VARCHAR(100) NOT NULL,
  PRIMARY KEY (queue_id, username)
);
CREATE INDEX queue_member_user ON queue_member (username);

-- state: available, busy, after_call_work, away, offline. offer_id: the agent's one open offer.
CREATE TABLE agent (
  username        VARCHAR(100) NOT NULL PRIMARY KEY,
  state           VARCHAR(24)  NOT NULL,
  state_since     BIGINT       NOT NULL,
  idle_since      BIGINT       NOT NULL,
  seen_at         BIGINT       NOT NULL,
  lapsed_in_row   INT          NOT NULL,
  offer_id        CHAR(36),
  acw_until       BIGINT,
  address         VARCHAR(320)
);

-- How many interactions of a channel an agent may hold at once, and how many they hold or are offered.
CREATE TABLE agent_capacity (
  username        VARCHAR(100) NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  capacity        INT          NOT NULL,
  active          INT          NOT NULL,
  PRIMARY KEY (username, channel)
);

-- An interaction waiting in a queue: a projection of its waiting state, written in the same transaction.
CREATE TABLE queue_entry (
  interaction_id  CHAR(36)     NOT NULL PRIMARY KEY,
  queue_id        VARCHAR(100) NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  priority        INT          NOT NULL,
  enqueued_at     BIGINT       NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  offer_id        CHAR(36),
  caller          VARCHAR(320),
  preferred_agent VARCHAR(100)
);
CREATE INDEX queue_entry_order ON queue_entry (status, priority, enqueued_at);
CREATE INDEX queue_entry_queue ON queue_entry (queue_id);

-- status: open, accepted, declined, lapsed, withdrawn.
CREATE TABLE offer (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  interaction_id  CHAR(36)     NOT NULL,
  username        VARCHAR(100) NOT NULL,
  queue_id        VARCHAR(100) NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  created_at      BIGINT       NOT NULL,
  expires_at      BIGINT       NOT NULL,
  decided_at      BIGINT
);
CREATE INDEX offer_open ON offer (status, expires_at);
CREATE INDEX offer_interaction ON offer (interaction_id);

-- One row per agent who had the interaction (a transfer adds one); the newest is the current one.
CREATE TABLE assignment (
  interaction_id  CHAR(36)     NOT NULL,
  username        VARCHAR(100) NOT NULL,
  queue_id        VARCHAR(100) NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  assigned_at     BIGINT       NOT NULL,
  ended_at        BIGINT,
  wrap_up_code    VARCHAR(100),
  wrapped_at      BIGINT,
  PRIMARY KEY (interaction_id, assigned_at, username)
);
CREATE INDEX assignment_agent ON assignment (username, ended_at);

CREATE TABLE interaction_note (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  interaction_id  CHAR(36)      NOT NULL,
  author          VARCHAR(100)  NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  created_at      BIGINT        NOT NULL
);
CREATE INDEX interaction_note_interaction ON interaction_note (interaction_id);

-- The telephony provider's call-update API (TwiML-style): base URL, account and the sealed token.
CREATE TABLE voice_provider (
  id              VARCHAR(16)   NOT NULL PRIMARY KEY,
  base_url        VARCHAR(500)  NOT NULL,
  account         VARCHAR(200)  NOT NULL,
  token_sealed    VARCHAR(2000),
  updated_at      BIGINT        NOT NULL
);

-- Who has the interaction, who it is with (caller number or e-mail address, for the history), and
-- who gave each step's input.
ALTER TABLE interaction ADD COLUMN agent VARCHAR(100);
ALTER TABLE interaction ADD COLUMN customer VARCHAR(320);
CREATE INDEX interaction_agent ON interaction (agent);
CREATE INDEX interaction_customer ON interaction (customer, created_at);
ALTER TABLE interaction_step ADD COLUMN actor VARCHAR(100);
