package dev.billinggate.store.postgres;

import dev.billinggate.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the database to this release's schema with Flyway ({@code db/postgresql}; versions 1 and 2
 * are SQLite's 1 and 2 in PostgreSQL's types) and refuses a database a newer release migrated.
 * Several servers starting together are safe: Flyway migrates under a PostgreSQL advisory lock.
 */
final class PostgresSchema {
  /** Version of the newest migration in {@code db/postgresql}; a test keeps it in step with the files. */
  static final int LATEST_MIGRATION = 4;
  /** The newest {@code meta.format} this release reads, as for SQLite. */
  static final int FORMAT = 1;

  private PostgresSchema() {}

  static void migrate(DataSource pool, String where) {
    try (Connection connection = pool.getConnection()) {
      refuseNewer(connection, where);
    } catch (SQLException e) {
      throw new StoreException("cannot read the schema history of " + where + ": " + e.getMessage(), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/postgresql")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate " + where + ": " + e.getMessage(), e);
    }
    try (Connection connection = pool.getConnection()) {
      checkFormat(connection, where);
    } catch (SQLException e) {
      throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Flyway by default ignores applied migrations it does not know, which would let this release
   * write to a schema it does not understand.
   */
  private static void refuseNewer(Connection connection, String where) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet table = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        table.next();
        if (!table.getBoolean(1)) {
          return;
        }
      }
      try (ResultSet row = statement.executeQuery(
          "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
        while (row.next()) {
          String version = row.getString(1);
          if (newerThanThisRelease(version)) {
            throw new StoreException("the schema of " + where + " is at migration " + version + ", written by a newer"
                + " billing-gate; this release knows migrations up to " + LATEST_MIGRATION);
          }
        }
      }
    }
  }

  private static boolean newerThanThisRelease(String version) {
    String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    try {
      return Integer.parseInt(major) > LATEST_MIGRATION;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void checkFormat(Connection connection, String where) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT value FROM meta WHERE name = 'format'")) {
      if (!row.next()) {
        throw new StoreException(where + " has no format marker in table meta");
      }
      int format = Integer.parseInt(row.getString(1));
      if (format > FORMAT) {
        throw new StoreException("the database format " + format + " of " + where + " was written by a newer"
            + " billing-gate; this release reads format " + FORMAT + " or older");
      }
    }
  }
}
