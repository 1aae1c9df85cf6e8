-- The knowledge base: articles (a problem and its solution, Markdown as written), every saved version,
-- and usage counters that feed the search ranking. status: draft, published, archived.
-- changed_at moves on every change the search index must see (content, status, helped/sent counters);
-- each instance's Lucene index catches up by it, and by kb_article_deleted for deleted articles.

CREATE TABLE kb_article (
  id          CHAR(36)      NOT NULL PRIMARY KEY,
  title       VARCHAR(300)  NOT NULL,
  problem     LONGTEXT      NOT NULL,
  solution    LONGTEXT      NOT NULL,
  product     VARCHAR(200),
  language    VARCHAR(8)    NOT NULL,
  tags        VARCHAR(2000) NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  author      VARCHAR(100)  NOT NULL,
  version     INT           NOT NULL,
  helped      BIGINT        NOT NULL,
  not_helped  BIGINT        NOT NULL,
  sent        BIGINT        NOT NULL,
  views       BIGINT        NOT NULL,
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL,
  changed_at  BIGINT        NOT NULL
);
CREATE INDEX kb_article_changed ON kb_article (changed_at);
CREATE INDEX kb_article_status ON kb_article (status, updated_at);

CREATE TABLE kb_article_version (
  article_id  CHAR(36)      NOT NULL,
  version     INT           NOT NULL,
  saved_by    VARCHAR(100)  NOT NULL,
  saved_at    BIGINT        NOT NULL,
  title       VARCHAR(300)  NOT NULL,
  problem     LONGTEXT      NOT NULL,
  solution    LONGTEXT      NOT NULL,
  product     VARCHAR(200),
  language    VARCHAR(8)    NOT NULL,
  tags        VARCHAR(2000) NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  PRIMARY KEY (article_id, version)
);

CREATE TABLE kb_article_deleted (
  id          CHAR(36)      NOT NULL PRIMARY KEY,
  deleted_at  BIGINT        NOT NULL
);
CREATE INDEX kb_article_deleted_at ON kb_article_deleted (deleted_at);

-- Work done once for the whole cluster, claimed by inserting its name (e.g. loading the sample articles).
CREATE TABLE kb_claim (
  name        VARCHAR(100)  NOT NULL PRIMARY KEY,
  claimed_at  BIGINT        NOT NULL
);
