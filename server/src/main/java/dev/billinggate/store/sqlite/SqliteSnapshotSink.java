package dev.billinggate.store.sqlite;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.engine.SnapshotSink;
import dev.billinggate.store.jdbc.SnapshotTables;
import dev.billinggate.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Snapshots in {@code snapshots}/{@code snapshot_items} of the store's file, on the writer
 * connection (the engine calls it as the single writer). Each call is one SQLite transaction;
 * rows move between {@code items} and {@code snapshot_items} inside SQLite.
 */
final class SqliteSnapshotSink implements SnapshotSink {
  private final Connection connection;

  /** @param connection the writer connection, in manual-commit mode */
  SqliteSnapshotSink(Connection connection) {
    this.connection = connection;
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  @Override
  public List<SnapshotInfo> list() {
    return inTransaction("list snapshots", () -> SnapshotTables.list(connection));
  }

  @Override
  public Map<String, Map<String, String>> load(String name) {
    return inTransaction("read snapshot " + name, () -> SnapshotTables.load(connection, name));
  }

  @Override
  public void save(String name, Instant createdAt, int records) {
    inTransaction("save snapshot " + name, () -> {
      SnapshotTables.save(connection, name, createdAt, records);
      return null;
    });
  }

  @Override
  public void restore(String name) {
    inTransaction("restore snapshot " + name, () -> {
      Sql.update(connection, "DELETE FROM items");
      Sql.update(connection,
          "INSERT INTO items (tbl, key, value) SELECT tbl, key, value FROM snapshot_items WHERE snapshot = ?", name);
      return null;
    });
  }

  @Override
  public void delete(String name) {
    inTransaction("delete snapshot " + name, () -> {
      SnapshotTables.delete(connection, name);
      return null;
    });
  }

  @Override
  public void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows) {
    inTransaction("store snapshot " + name, () -> {
      SnapshotTables.put(connection, name, createdAt, rows);
      return null;
    });
  }

  private <T> T inTransaction(String what, SqlWork<T> work) {
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
