-- Every record of every table, as JSON text: one generic table keeps services free of SQL, and
-- JSON text lets a later migration reshape one table's records with SQLite's json_* functions
-- (UPDATE items SET value = json_set(value, '$.field', ...) WHERE tbl = 'iam.users').
-- WITHOUT ROWID clusters rows by (tbl, key), the order the store loads and scans them in.
CREATE TABLE items (
  tbl   TEXT NOT NULL,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (tbl, key)
) WITHOUT ROWID;

-- Facts about the file itself. 'format' is raised only by a change that older releases must not
-- read past; a release refuses a file whose format is newer than it knows.
CREATE TABLE meta (
  name  TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (name, value) VALUES ('format', '1');
