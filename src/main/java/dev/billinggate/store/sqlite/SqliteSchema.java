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

  private SqliteSchema() {}

  static void migrate(String jdbcUrl) {
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
