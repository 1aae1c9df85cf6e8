-- People who sign in, and machine clients' API keys. Passwords are stored as bcrypt hashes;
-- API keys as the SHA-256 of the key (keys are 160 random bits, so a fast hash is enough).

CREATE TABLE app_user (
  username        VARCHAR(100) NOT NULL PRIMARY KEY,
  password_hash   VARCHAR(200) NOT NULL,
  display_name    VARCHAR(200),
  roles           VARCHAR(200) NOT NULL,
  enabled         BOOLEAN      NOT NULL,
  created_at      BIGINT       NOT NULL
);

CREATE TABLE api_key (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  name            VARCHAR(100) NOT NULL,
  key_prefix      VARCHAR(16)  NOT NULL,
  key_hash        CHAR(64)     NOT NULL,
  roles           VARCHAR(200) NOT NULL,
  created_by      VARCHAR(100),
  created_at      BIGINT       NOT NULL,
  revoked_at      BIGINT
);
CREATE INDEX api_key_prefix ON api_key (key_prefix);
