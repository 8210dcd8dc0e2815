package dev.billinggate.store.sqlite;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.engine.SnapshotSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  @Override
  public List<SnapshotInfo> list() {
    List<SnapshotInfo> out = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT name, created_at, records FROM snapshots");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        out.add(new SnapshotInfo(row.getString(1), Instant.parse(row.getString(2)), row.getInt(3)));
      }
      connection.commit();
    } catch (SQLException e) {
      throw failed("list snapshots", e);
    }
    return out;
  }

  @Override
  public Map<String, Map<String, String>> load(String name) {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT tbl, key, value FROM snapshot_items WHERE snapshot = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>()).put(row.getString(2), row.getString(3));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failed("read snapshot " + name, e);
    }
    return rows;
  }

  @Override
  public void save(String name, Instant createdAt, int records) {
    inTransaction("save snapshot " + name, () -> {
      clear(name);
      update("INSERT INTO snapshot_items (snapshot, tbl, key, value) SELECT ?, tbl, key, value FROM items", name);
      update("INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name, createdAt.toString(), records);
    });
  }

  @Override
  public void restore(String name) {
    inTransaction("restore snapshot " + name, () -> {
      update("DELETE FROM items");
      update("INSERT INTO items (tbl, key, value) SELECT tbl, key, value FROM snapshot_items WHERE snapshot = ?", name);
    });
  }

  @Override
  public void delete(String name) {
    inTransaction("delete snapshot " + name, () -> clear(name));
  }

  @Override
  public void put(String name, Instant createdAt, Map<String, ? extends Map<String, String>> rows) {
    inTransaction("store snapshot " + name, () -> {
      clear(name);
      int records = 0;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO snapshot_items (snapshot, tbl, key, value) VALUES (?, ?, ?, ?)")) {
        for (var table : rows.entrySet()) {
          for (var row : table.getValue().entrySet()) {
            insert.setString(1, name);
            insert.setString(2, table.getKey());
            insert.setString(3, row.getKey());
            insert.setString(4, row.getValue());
            insert.addBatch();
            records++;
          }
        }
        insert.executeBatch();
      }
      update("INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name, createdAt.toString(), records);
    });
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(String what, SqlWork work) {
    try {
      work.run();
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw failed(what, e);
    }
  }

  private void clear(String name) throws SQLException {
    update("DELETE FROM snapshot_items WHERE snapshot = ?", name);
    update("DELETE FROM snapshots WHERE name = ?", name);
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private static StoreException failed(String what, SQLException e) {
    return new StoreException("cannot " + what + ": " + e.getMessage(), e);
  }
}
