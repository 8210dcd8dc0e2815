-- PostgreSQL only: the servers sharing the database and their read leases (docs/store.md, "Reads").
-- A server serves reads from memory without asking the database while its lease runs; a writer
-- waits, before acknowledging, until every other server whose lease_until is still ahead of the
-- database's clock has applied the commit or let its lease run out. UNLOGGED: a renewal writes no
-- WAL, and after a crash of the database (which empties the table) every server has lost its
-- listening connection too, so it trusts no lease until it has registered again.
CREATE UNLOGGED TABLE nodes (
  id          text        NOT NULL PRIMARY KEY,
  lease_until timestamptz NOT NULL,
  started     timestamptz NOT NULL DEFAULT now()
);
