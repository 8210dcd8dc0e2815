-- As db/migration/V2__snapshots.sql: rows move between items and snapshot_items with
-- INSERT ... SELECT inside the database, never through a server.
CREATE TABLE snapshots (
  name       text    NOT NULL PRIMARY KEY,
  created_at text    NOT NULL,
  records    integer NOT NULL
);

CREATE TABLE snapshot_items (
  snapshot text NOT NULL,
  tbl      text NOT NULL,
  key      text COLLATE "C" NOT NULL,
  value    json NOT NULL,
  PRIMARY KEY (snapshot, tbl, key)
);
