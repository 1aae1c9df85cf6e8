-- Smart routing: agents' skills (levels 1-5), the regions they serve, their substitutes in order,
-- absences; substitutes per queue; working hours per region; what a waiting interaction requires
-- (the route step's requirements and the caller's region); and every routing decision with its
-- explanation.

CREATE TABLE agent_skill (
  username        VARCHAR(100) NOT NULL,
  skill           VARCHAR(100) NOT NULL,
  level           INT          NOT NULL,
  PRIMARY KEY (username, skill)
);

CREATE TABLE agent_region (
  username        VARCHAR(100) NOT NULL,
  region_id       VARCHAR(100) NOT NULL,
  PRIMARY KEY (username, region_id)
);

CREATE TABLE agent_substitute (
  username        VARCHAR(100) NOT NULL,
  position        INT          NOT NULL,
  substitute      VARCHAR(100) NOT NULL,
  PRIMARY KEY (username, position)
);

CREATE TABLE queue_substitute (
  queue_id        VARCHAR(100) NOT NULL,
  position        INT          NOT NULL,
  substitute      VARCHAR(100) NOT NULL,
  PRIMARY KEY (queue_id, position)
);

CREATE TABLE agent_absence (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  username        VARCHAR(100) NOT NULL,
  from_at         BIGINT       NOT NULL,
  to_at           BIGINT       NOT NULL,
  reason          VARCHAR(200) NOT NULL,
  created_by      VARCHAR(100),
  created_at      BIGINT       NOT NULL
);
CREATE INDEX agent_absence_user ON agent_absence (username, to_at);

-- weekly: JSON {"mon": ["08:00", "17:00"], ...}; holidays: JSON ["2026-12-24", ...]; in time_zone.
CREATE TABLE region_hours (
  region_id       VARCHAR(100)  NOT NULL PRIMARY KEY,
  time_zone       VARCHAR(64)   NOT NULL,
  weekly          VARCHAR(2000) NOT NULL,
  holidays        VARCHAR(8000) NOT NULL
);

ALTER TABLE queue_entry ADD COLUMN requirements VARCHAR(8000);
ALTER TABLE queue_entry ADD COLUMN region_hint VARCHAR(320);

-- why the agent was offered it, in a sentence (the whole explanation is in routing_decision)
ALTER TABLE offer ADD COLUMN reason VARCHAR(1000);

CREATE TABLE routing_decision (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  interaction_id  CHAR(36)     NOT NULL,
  decided_at      BIGINT       NOT NULL,
  chosen          VARCHAR(100),
  explanation     LONGTEXT     NOT NULL
);
CREATE INDEX routing_decision_interaction ON routing_decision (interaction_id, decided_at);
