package dev.billinggate.store.jdbc;

import dev.billinggate.store.SnapshotInfo;
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
 * The snapshot tables both SQL backends have ({@code snapshots}, {@code snapshot_items}, migration
 * V2 in each): the statements are the same in SQLite and PostgreSQL. Each method runs in the
 * caller's transaction and leaves committing to it; only a restore differs between the backends.
 */
public final class SnapshotTables {
  private SnapshotTables() {}

  public static List<SnapshotInfo> list(Connection connection) throws SQLException {
    List<SnapshotInfo> out = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT name, created_at, records FROM snapshots");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        out.add(new SnapshotInfo(row.getString(1), Instant.parse(row.getString(2)), row.getInt(3)));
      }
    }
    return out;
  }

  /** A snapshot's rows as JSON, by table then key. */
  public static Map<String, Map<String, String>> load(Connection connection, String name) throws SQLException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement("SELECT tbl, key, value FROM snapshot_items WHERE snapshot = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>()).put(row.getString(2), row.getString(3));
        }
      }
    }
    return rows;
  }

  /** Copies the rows of {@code items} into snapshot {@code name}, replacing it, inside the database. */
  public static void save(Connection connection, String name, Instant createdAt, int records) throws SQLException {
    delete(connection, name);
    Sql.update(connection, "INSERT INTO snapshot_items (snapshot, tbl, key, value) SELECT ?, tbl, key, value FROM items",
        name);
    Sql.update(connection, "INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name,
        createdAt.toString(), records);
  }

  /** Stores {@code rows} as snapshot {@code name}, replacing it. */
  public static void put(Connection connection, String name, Instant createdAt,
      Map<String, ? extends Map<String, String>> rows) throws SQLException {
    delete(connection, name);
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
    Sql.update(connection, "INSERT INTO snapshots (name, created_at, records) VALUES (?, ?, ?)", name,
        createdAt.toString(), records);
  }

  public static void delete(Connection connection, String name) throws SQLException {
    Sql.update(connection, "DELETE FROM snapshot_items WHERE snapshot = ?", name);
    Sql.update(connection, "DELETE FROM snapshots WHERE name = ?", name);
  }
}
