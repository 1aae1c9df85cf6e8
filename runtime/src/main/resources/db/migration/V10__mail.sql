-- Inbound e-mail: the IMAP mailboxes polled for new messages, with their polling state and the lease
-- one instance holds while it polls (claimed by a conditional update, so that of several instances
-- exactly one polls a mailbox at a time), and every message seen in one, imported once: a row is
-- claimed before the message is filed and completed after; its unique keys refuse a second import
-- of the same UID or Message-ID.

-- security: none, ssl, starttls. password_sealed: AES-GCM (SecretBox) with owner 'mailbox:' + id.
CREATE TABLE mailbox (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  address         VARCHAR(320)  NOT NULL,
  host            VARCHAR(255)  NOT NULL,
  port            INT           NOT NULL,
  security        VARCHAR(16)   NOT NULL,
  username        VARCHAR(320)  NOT NULL,
  password_sealed VARCHAR(2000),
  folder          VARCHAR(200)  NOT NULL,
  queue_id        VARCHAR(100)  NOT NULL,
  flow_id         VARCHAR(64),
  poll_seconds    INT           NOT NULL,
  enabled         BOOLEAN       NOT NULL,
  created_at      BIGINT        NOT NULL,
  updated_at      BIGINT        NOT NULL,
  uid_validity    BIGINT,
  last_uid        BIGINT        NOT NULL,
  last_polled_at  BIGINT,
  last_error      VARCHAR(1000),
  lease_owner     CHAR(36),
  lease_until     BIGINT,
  CONSTRAINT mailbox_address UNIQUE (address)
);

-- status: claimed (being filed), imported (a new thread or flow), joined (added to a thread),
-- skipped (auto-reply, bounce, our own message, already filed), refused (could not be read).
CREATE TABLE mail_import (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  mailbox_id      CHAR(36)      NOT NULL,
  uid_validity    BIGINT        NOT NULL,
  uid             BIGINT        NOT NULL,
  message_id      VARCHAR(500)  NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  claimed_at      BIGINT        NOT NULL,
  done_at         BIGINT,
  from_address    VARCHAR(320),
  subject         VARCHAR(500),
  thread_id       VARCHAR(64),
  thread_number   BIGINT,
  interaction_id  CHAR(36),
  reason          VARCHAR(1000),
  CONSTRAINT mail_import_uid UNIQUE (mailbox_id, uid_validity, uid),
  CONSTRAINT mail_import_message UNIQUE (mailbox_id, message_id)
);
CREATE INDEX mail_import_log ON mail_import (mailbox_id, claimed_at);
