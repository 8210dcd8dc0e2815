-- Named copies of the whole state (reset, `state save`, fixtures). A snapshot's rows are items'
-- rows, copied with INSERT ... SELECT in both directions, so saving and restoring never passes
-- records through the JVM. Older releases ignore these tables, so the format stays 1.
CREATE TABLE snapshots (
  name       TEXT    NOT NULL PRIMARY KEY,
  created_at TEXT    NOT NULL,
  records    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE snapshot_items (
  snapshot TEXT NOT NULL,
  tbl      TEXT NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (snapshot, tbl, key)
) WITHOUT ROWID;
