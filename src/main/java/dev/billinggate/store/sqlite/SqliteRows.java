package dev.billinggate.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads every stored row, still as JSON, grouped by table and sorted by key. */
final class SqliteRows {
  private SqliteRows() {}

  static Map<String, TreeMap<String, String>> loadAll(Connection connection) throws SQLException {
    Map<String, TreeMap<String, String>> rows = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(10_000);
      try (ResultSet row = statement.executeQuery("SELECT tbl, key, value FROM items")) {
        while (row.next()) {
          rows.computeIfAbsent(row.getString(1), t -> new TreeMap<>())
              .put(row.getString(2), row.getString(3));
        }
      }
    }
    return rows;
  }
}
