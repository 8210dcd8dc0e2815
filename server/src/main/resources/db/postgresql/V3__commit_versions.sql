-- PostgreSQL only: several servers share one database (docs/store.md, "Several servers").
-- Every commit takes the next version under a lock on the single row of commit_state; each row of
-- items carries the version that last wrote it, and a delete leaves a tombstone, so a server that
-- has seen version N reads exactly what changed after N. A restore sets reload_version: servers
-- behind it reload everything. Tombstones older than history_from are pruned; a server behind
-- that reloads everything too.
ALTER TABLE items ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX items_by_version ON items (version);

CREATE TABLE tombstones (
  tbl     text   NOT NULL,
  key     text   COLLATE "C" NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tbl, key)
);
CREATE INDEX tombstones_by_version ON tombstones (version);

CREATE TABLE commit_state (
  id             integer NOT NULL PRIMARY KEY CHECK (id = 1),
  version        bigint  NOT NULL,
  reload_version bigint  NOT NULL,
  history_from   bigint  NOT NULL
);
INSERT INTO commit_state (id, version, reload_version, history_from) VALUES (1, 0, 0, 0);
