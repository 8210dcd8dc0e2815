package dev.billinggate.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The connection settings every connection of a server uses, pooled (HikariCP, for writes, catch-ups
 * and probes) or dedicated (the version check, {@link VersionFence}, and the {@link CommitListener}).
 */
final class PostgresConnections {
  private final PostgresTarget target;
  private final PostgresSettings settings;
  private final Properties properties;

  PostgresConnections(PostgresTarget target, PostgresSettings settings) {
    this.target = target;
    this.settings = settings;
    this.properties = properties(target, settings);
  }

  private static Properties properties(PostgresTarget target, PostgresSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", "billing-gate");
    String connectSeconds = String.valueOf(settings.connectTimeout().toSeconds());
    properties.setProperty("connectTimeout", connectSeconds);
    properties.setProperty("loginTimeout", connectSeconds);
    // The statement timeout cancels a statement on the server; the socket timeout catches a database
    // that stopped answering altogether (a frozen host) a little later.
    properties.setProperty("socketTimeout", String.valueOf(settings.statementTimeout().toSeconds() + 5));
    properties.setProperty("tcpKeepAlive", "true");
    // Text parameters go untyped, so the statements SQLite shares (store.jdbc) write json columns.
    properties.setProperty("stringtype", "unspecified");
    if (settings.sessionOptions()) {
      long statementMillis = settings.statementTimeout().toMillis();
      properties.setProperty("options", "-c statement_timeout=" + statementMillis
          + " -c lock_timeout=" + statementMillis
          + " -c idle_in_transaction_session_timeout=" + statementMillis * 4);
    }
    return properties;
  }

  /** The pool; fails at once when the database cannot be reached or refuses the credentials. */
  HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("billing-gate-store");
    config.setJdbcUrl(target.jdbcUrl());
    config.setDataSourceProperties(properties);
    // Set apart from the other properties, which HikariCP may log.
    config.setUsername(target.user());
    config.setPassword(target.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    config.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
    // Fail at start, once, when the database cannot be reached or refuses the credentials.
    config.setInitializationFailTimeout(1);
    return new HikariDataSource(config);
  }

  /** A connection outside the pool, in autocommit mode. */
  Connection open() throws SQLException {
    Properties login = new Properties();
    login.putAll(properties);
    login.setProperty("user", target.user());
    if (target.password() != null) {
      login.setProperty("password", target.password());
    }
    Connection connection = new Driver().connect(target.jdbcUrl(), login);
    if (connection == null) {
      throw new SQLException("pgJDBC does not accept " + target.display());
    }
    return connection;
  }
}
