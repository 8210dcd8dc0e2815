-- PostgreSQL twin of db/migration/V1__items.sql (SQLite): the same tables and the same history
-- versions, in PostgreSQL's types. `json` (not jsonb) keeps each record's text exactly as written,
-- so a snapshot exported from PostgreSQL reads like one from SQLite; it still rejects malformed
-- JSON on insert and casts to jsonb for a migration that reshapes records.
CREATE TABLE items (
  tbl   text NOT NULL,
  key   text COLLATE "C" NOT NULL,
  value json NOT NULL,
  PRIMARY KEY (tbl, key)
);

CREATE TABLE meta (
  name  text NOT NULL PRIMARY KEY,
  value text NOT NULL
);

INSERT INTO meta (name, value) VALUES ('format', '1');
