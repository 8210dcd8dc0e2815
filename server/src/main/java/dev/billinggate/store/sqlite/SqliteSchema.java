package dev.billinggate.store.sqlite;

import dev.billinggate.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the database file to this release's schema and refuses files it cannot read. */
final class SqliteSchema {
  /** The newest {@code meta.format} this release reads; see V1__items.sql. */
  static final int FORMAT = 1;

  /**
   * Version of the newest migration in {@code db/migration}; a test keeps it in step with the
   * files. A file already at this version skips Flyway, whose start-up (class loading, classpath
   * scanning, validation) would otherwise cost about half a second of every cold start.
   */
  static final String LATEST_MIGRATION = "2";

  private SqliteSchema() {}

  static void migrate(Connection connection, String jdbcUrl) throws SQLException {
    if (isCurrent(connection)) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(jdbcUrl, null, null)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /** True only if Flyway's history ends at the latest migration with nothing failed. */
  private static boolean isCurrent(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet table =
          statement.executeQuery(
              "SELECT 1 FROM sqlite_master WHERE type = 'table'"
                  + " AND name = 'flyway_schema_history'")) {
        if (!table.next()) {
          return false;
        }
      }
      try (ResultSet last =
          statement.executeQuery(
              "SELECT version, success, (SELECT count(*) FROM flyway_schema_history"
                  + " WHERE success = 0) FROM flyway_schema_history"
                  + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
        return last.next()
            && LATEST_MIGRATION.equals(last.getString(1))
            && last.getInt(2) == 1
            && last.getInt(3) == 0;
      }
    }
  }

  static void checkFormat(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT value FROM meta WHERE name = 'format'")) {
      if (!row.next()) {
        throw new StoreException("database has no format marker in table meta");
      }
      int format = Integer.parseInt(row.getString(1));
      if (format > FORMAT) {
        throw new StoreException(
            "database format " + format + " was written by a newer billing-gate; this release"
                + " reads format " + FORMAT + " or older");
      }
    }
  }
}
