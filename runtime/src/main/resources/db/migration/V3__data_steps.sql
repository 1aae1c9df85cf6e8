-- The integrators' registry of HTTP data steps, with every version kept as the audit trail, and the
-- outbound allow-list an admin edits. A step's definition is JSON without its secrets; the secrets
-- are a separate AES-GCM sealed value (base64 of nonce and ciphertext), never stored in clear.

CREATE TABLE data_step (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(100) NOT NULL,
  version_no      INT          NOT NULL,
  definition      LONGTEXT     NOT NULL,
  secrets         LONGTEXT,
  created_at      BIGINT       NOT NULL,
  created_by      VARCHAR(100),
  updated_at      BIGINT       NOT NULL,
  updated_by      VARCHAR(100)
);

-- One row per change, kept after the step is deleted; a step created again under the same id goes on
-- counting from the last version. History keeps no secrets: a replaced credential is gone for good.
CREATE TABLE data_step_version (
  step_id         VARCHAR(64)   NOT NULL,
  version_no      INT           NOT NULL,
  action          VARCHAR(16)   NOT NULL,
  changes         VARCHAR(2000) NOT NULL,
  definition      LONGTEXT      NOT NULL,
  changed_at      BIGINT        NOT NULL,
  changed_by      VARCHAR(100),
  PRIMARY KEY (step_id, version_no)
);

CREATE TABLE outbound_allow (
  entry           VARCHAR(200) NOT NULL PRIMARY KEY,
  added_at        BIGINT       NOT NULL,
  added_by        VARCHAR(100)
);
