package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-request version check against a real database: never older than a commit acknowledged before the call. */
class VersionFenceTest {
  private final PostgresCluster cluster = PostgresCluster.sharedOrSkip();

  /** A migrated database, and a way to commit version bumps as another server would. */
  private PostgresTarget database() {
    PostgresTarget database = cluster.newDatabase();
    PostgresStore.open(database, PostgresSettings.defaults()).close();
    return database;
  }

  private static long commit(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("UPDATE commit_state SET version = version + 1 WHERE id = 1 RETURNING version")) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void everyCallSeesEveryCommitAcknowledgedBeforeItWhileCallsShareQueries() throws Exception {
    PostgresTarget database = database();
    PostgresConnections connections = new PostgresConnections(database, PostgresSettings.defaults());
    AtomicInteger opened = new AtomicInteger();
    AtomicLong acknowledged = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(9);
    try (VersionFence fence = new VersionFence(() -> {
      opened.incrementAndGet();
      return connections.open();
    }, 2); Connection writer = cluster.connect(database.database())) {
      Future<?> commits = threads.submit(() -> {
        while (writing.get()) {
          acknowledged.set(commit(writer));
        }
        return null;
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        readers.add(threads.submit(() -> {
          long previous = 0;
          for (int i = 0; i < 300; i++) {
            long before = acknowledged.get();
            long latest = fence.latest();
            assertThat(latest).isGreaterThanOrEqualTo(before).isGreaterThanOrEqualTo(previous);
            previous = latest;
          }
          return 300;
        }));
      }
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(120, TimeUnit.SECONDS)).isEqualTo(300);
      }
      writing.set(false);
      commits.get(30, TimeUnit.SECONDS);
      assertThat(fence.latest()).isEqualTo(acknowledged.get());
      assertThat(opened).hasValueLessThanOrEqualTo(2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aFailedQueryFailsItsCallersAndTheNextCallConnectsAgain() throws Exception {
    PostgresTarget database = database();
    PostgresConnections connections = new PostgresConnections(database, PostgresSettings.defaults());
    AtomicBoolean down = new AtomicBoolean(true);
    try (VersionFence fence = new VersionFence(() -> {
      if (down.get()) {
        throw new SQLException("connection refused");
      }
      return connections.open();
    }, 2)) {
      assertThatThrownBy(fence::latest).isInstanceOf(SQLException.class).hasMessage("connection refused");

      down.set(false);
      assertThat(fence.latest()).isZero();
    }
  }
}
