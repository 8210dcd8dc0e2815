package dev.billinggate.store.sqlite;

import dev.billinggate.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads every stored row, still as JSON, grouped by table. */
final class SqliteRows {
  private SqliteRows() {}

  /**
   * @throws StoreException naming the table and key of a value that is not well-formed JSON
   */
  static Map<String, Map<String, String>> loadAll(Connection connection) throws SQLException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      // json_valid runs in SQLite's C code: checking every row at open costs far less than
      // parsing them in a cold JVM, and records are decoded lazily on first read.
      try (ResultSet row =
          statement.executeQuery("SELECT tbl, key, value, json_valid(value) FROM items")) {
        while (row.next()) {
          String table = row.getString(1);
          String key = row.getString(2);
          if (row.getInt(4) != 1) {
            throw new StoreException(
                "corrupt record " + table + "/" + key + ": value is not well-formed JSON");
          }
          rows.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row.getString(3));
        }
      }
    }
    return rows;
  }
}
