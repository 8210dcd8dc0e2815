package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.billinggate.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pool size and timeouts of {@link PostgresSettings} as PostgreSQL and HikariCP apply them. */
class PostgresConnectionsTest {
  private static final PostgresSettings SETTINGS = PostgresSettings.defaults().withPoolSize(3)
      .withConnectTimeout(Duration.ofSeconds(2)).withStatementTimeout(Duration.ofSeconds(5));

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void pooledAndDedicatedConnectionsCarryTheTimeouts() throws SQLException {
    PostgresConnections connections = new PostgresConnections(PostgresCluster.sharedOrSkip().newDatabase(), SETTINGS);
    try (HikariDataSource pool = connections.pool(); Connection pooled = pool.getConnection();
        Connection dedicated = connections.open()) {
      assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
      assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
      for (Connection connection : new Connection[] {pooled, dedicated}) {
        assertThat(show(connection, "statement_timeout")).isEqualTo("5s");
        assertThat(show(connection, "lock_timeout")).isEqualTo("5s");
        assertThat(show(connection, "idle_in_transaction_session_timeout")).isEqualTo("20s");
      }
      assertThat(dedicated.getAutoCommit()).isTrue();
    }
  }

  @Test
  void aStatementRunningLongerThanTheTimeoutIsCancelled() throws SQLException {
    PostgresConnections connections = new PostgresConnections(PostgresCluster.sharedOrSkip().newDatabase(),
        SETTINGS.withStatementTimeout(Duration.ofSeconds(1)));
    try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(3)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("canceling statement due to statement timeout");
    }
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    PostgresSettings defaults = PostgresSettings.defaults();
    assertThatThrownBy(() -> defaults.withPoolSize(0)).hasMessageContaining("pool size");
    assertThatThrownBy(() -> defaults.withConnectTimeout(Duration.ofMillis(1500)))
        .hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> defaults.withStatementTimeout(Duration.ofHours(2))).hasMessageContaining("not 7200 s");
  }
}
