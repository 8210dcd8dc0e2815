package dev.billinggate.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads every stored row as JSON, grouped by table; {@code json} columns hold only well-formed JSON. */
final class PostgresRows {
  private PostgresRows() {}

  static Map<String, Map<String, String>> loadAll(Connection connection) throws SQLException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(1_000); // a cursor (inside a transaction), not the whole table in one buffer
      try (ResultSet row = statement.executeQuery("SELECT tbl, key, value::text FROM items")) {
        while (row.next()) {
          rows.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>()).put(row.getString(2), row.getString(3));
        }
      }
    }
    return rows;
  }
}
