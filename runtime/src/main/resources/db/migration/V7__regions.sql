-- The region tree that routing maps callers onto (country → province → …). A PUT of the tree
-- replaces every row in one transaction. Matches say which callers belong to a region: an ISO
-- country code, a place name as the phone geocoder gives it, or a prefix of the E.164 number.

CREATE TABLE region (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  parent_id       VARCHAR(64),
  sort_order      INT          NOT NULL,
  updated_at      BIGINT       NOT NULL,
  updated_by      VARCHAR(100)
);

CREATE TABLE region_match (
  region_id       VARCHAR(64)  NOT NULL,
  kind            VARCHAR(16)  NOT NULL,
  match_value     VARCHAR(200) NOT NULL,
  sort_order      INT          NOT NULL,
  PRIMARY KEY (region_id, kind, match_value)
);
