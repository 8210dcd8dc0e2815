package dev.billinggate.store.postgres;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.store.Store;
import dev.billinggate.store.StoreException;
import dev.billinggate.store.TestRecords.Counter;
import dev.billinggate.store.TestRecords.User;
import dev.billinggate.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two servers' stores on one database, and what opening refuses. */
class PostgresStoreTest {
  private final PostgresCluster cluster = PostgresCluster.sharedOrSkip();

  private static PostgresStore open(PostgresTarget target) {
    return PostgresStore.open(target, PostgresSettings.defaults());
  }

  private static void put(Store store, String key) {
    store.write(tx -> {
      tx.put(USERS, key, User.named(key));
      return null;
    });
  }

  private static Optional<User> user(Store store, String key) {
    return store.read(tx -> tx.get(USERS, key));
  }

  private static Optional<Counter> counter(Store store) {
    return store.read(tx -> tx.get(COUNTERS, "c"));
  }

  private static int count(Store store) {
    return store.read(tx -> tx.count(USERS, "1/"));
  }

  @Test
  void aWriteOnOneServerIsReadOnTheOtherAfterSync() {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database)) {
      AtomicInteger changedElsewhere = new AtomicInteger();
      b.onChangedElsewhere(changedElsewhere::incrementAndGet);
      put(a, "1/alice");
      put(a, "1/bob");
      a.update(tx -> tx.delete(USERS, "1/alice"));

      b.sync();

      assertThat(b.read(tx -> tx.scan(USERS, "1/", null, 10)).stream().map(e -> e.key()).toList())
          .containsExactly("1/bob");
      assertThat(user(b, "1/bob")).contains(User.named("1/bob"));
      assertThat(changedElsewhere).hasPositiveValue();
    }
  }

  /**
   * The lease's promise, checked without {@link Store#sync}: a server that holds its lease after
   * another server acknowledged a write has applied it already.
   */
  @Test
  void aServerHoldingItsLeaseHasEveryWriteAnotherAcknowledgedWithoutAskingTheDatabase() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database)) {
      awaitLease(a);
      awaitLease(b);
      int leased = 0;
      for (int i = 0; i < 100; i++) {
        PostgresStore writer = i % 2 == 0 ? a : b;
        PostgresStore reader = i % 2 == 0 ? b : a;
        String key = "1/user-" + i;
        put(writer, key);
        if (reader.holdsLease()) {
          leased++;
          assertThat(user(reader, key)).as(key).contains(User.named(key));
        }
      }
      assertThat(leased).as("iterations in which the reader held its lease").isPositive();
    }
  }

  @Test
  void aRestoreOnOneServerIsAppliedByAServerHoldingItsLeaseBeforeItIsAcknowledged() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database)) {
      awaitLease(a);
      a.snapshots().save("empty", Instant.parse("2026-01-01T00:00:00Z"));
      put(a, "1/alice");
      awaitLease(b);
      assertThat(user(b, "1/alice")).isPresent();

      b.snapshots().restore("empty");

      if (a.holdsLease()) {
        assertThat(user(a, "1/alice")).isEmpty();
      }
      a.sync();
      assertThat(user(a, "1/alice")).isEmpty();
    }
  }

  @Test
  void aServerWhoseListenerConnectionDropsTakesItsLeaseAgainAndMissesNoWrite() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database);
        Connection admin = cluster.connect(database.database());
        Statement statement = admin.createStatement()) {
      awaitLease(a);
      awaitLease(b);
      for (int round = 0; round < 3; round++) {
        // The listeners' sessions are the ones that LISTEN, renew and acknowledge.
        try (ResultSet killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            + " AND (query LIKE '%" + CommitListener.ACKS + "%' OR query LIKE '%INSERT INTO nodes%')")) {
          killed.next();
          assertThat(killed.getInt(1)).as("listener sessions ended").isEqualTo(2);
        }
        String key = "1/after-drop-" + round;
        put(a, key);
        if (b.holdsLease()) {
          assertThat(user(b, key)).as(key).contains(User.named(key));
        }
        awaitLease(a);
        awaitLease(b);
        assertThat(user(b, key)).as(key).contains(User.named(key));
      }
    }
  }

  @Test
  void aServerThatClosesGivesUpItsLeaseSoWritersStopWaitingForIt() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database)) {
      awaitLease(a);
      try (PostgresStore b = open(database)) {
        awaitLease(b);
        assertThat(leases(database)).isEqualTo(2);
      }
      assertThat(leases(database)).isEqualTo(1);
    }
  }

  private int leases(PostgresTarget database) throws Exception {
    try (Connection connection = cluster.connect(database.database());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM nodes")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** A lease is taken within a quarter of its length of the open; the bound only guards against a hang. */
  private static void awaitLease(PostgresStore store) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!store.holdsLease() && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    assertThat(store.holdsLease()).as("lease taken").isTrue();
  }

  @Test
  void aDeletedKeyWrittenAgainIsCaughtUpAsWritten() {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database)) {
      put(a, "1/alice");
      b.sync();
      a.update(tx -> tx.delete(USERS, "1/alice"));
      put(a, "1/alice");

      b.sync();

      assertThat(user(b, "1/alice")).contains(User.named("1/alice"));
    }
  }

  @Test
  void writesOnTwoServersAreSerializedSoNoIncrementIsLost() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database); PostgresStore b = open(database)) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (Store store : List.of(a, b, a, b)) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            store.update(tx -> {
              long value = tx.get(COUNTERS, "c").map(Counter::value).orElse(0L);
              tx.put(COUNTERS, "c", new Counter(value + 1));
            });
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      threads.shutdown();
      a.sync();
      b.sync();

      assertThat(counter(a)).contains(new Counter(200));
      assertThat(counter(b)).contains(new Counter(200));
    }
  }

  @Test
  void aServerOpenedLaterLoadsEverythingCommitted() {
    PostgresTarget database = cluster.newDatabase();
    try (PostgresStore a = open(database)) {
      put(a, "1/alice");
      try (PostgresStore b = open(database)) {
        assertThat(user(b, "1/alice")).contains(User.named("1/alice"));
        assertThat(b.ready()).isTrue();
      }
    }
  }

  @Test
  void aWrongPasswordFailsTheOpenNamingTheCause() {
    PostgresTarget database = cluster.newDatabase();
    PostgresTarget wrong = cluster.target(database.database(), "not-the-password");

    assertThatThrownBy(() -> open(wrong))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to " + wrong.display())
        .hasMessageContaining("password authentication failed")
        .message().doesNotContain("not-the-password");
  }

  @Test
  void aDatabaseNobodyListensForFailsTheOpenQuickly() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    PostgresTarget nowhere = PostgresTarget.parse("postgresql://bg@127.0.0.1:" + closed + "/none", "x");

    assertThatThrownBy(() -> open(nowhere))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to postgresql://bg@127.0.0.1:" + closed + "/none");
  }

  @Test
  void aSchemaMigratedByANewerReleaseIsRefused() throws Exception {
    PostgresTarget database = cluster.newDatabase();
    open(database).close();
    try (Connection connection = cluster.connect(database.database());
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql',"
          + " 0, 'bg', 0, true)");
    }

    assertThatThrownBy(() -> open(database))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("at migration 99, written by a newer billing-gate");
  }

  /** The lease's own deadline, not a dropped connection, ends serving from memory here. */
  @Test
  void whenTheDatabaseStopsAnsweringAServerServesFromMemoryNoLongerThanItsLease() throws Exception {
    try (PostgresCluster own = PostgresCluster.ownOrSkip()) {
      PostgresTarget database = own.newDatabase();
      PostgresSettings settings = PostgresSettings.defaults().withStatementTimeout(Duration.ofSeconds(1));
      try (PostgresStore store = PostgresStore.open(database, settings)) {
        put(store, "1/alice");
        awaitLease(store);

        own.freeze();
        try {
          Thread.sleep(settings.lease().toMillis());
          assertThat(store.holdsLease()).isFalse();
          assertThatThrownBy(store::sync).isInstanceOfSatisfying(AwsException.class,
              e -> assertThat(e.code()).isEqualTo(CommonError.SERVICE_UNAVAILABLE));
        } finally {
          own.thaw();
        }

        awaitLease(store);
        put(store, "1/bob");
        assertThat(count(store)).isEqualTo(2);
      }
    }
  }

  @Test
  void whileTheDatabaseIsDownRequestsFailWithServiceUnavailableAndResumeAfter() throws InterruptedException {
    try (PostgresCluster own = PostgresCluster.ownOrSkip()) {
      PostgresTarget database = own.newDatabase();
      try (PostgresStore store = open(database)) {
        put(store, "1/alice");
        own.stop();
        // The lease may still run: reads from memory are current while nothing can commit. Once it
        // has run out, a request must not be served from memory any more.
        Thread.sleep(PostgresSettings.defaults().lease().toMillis());

        assertThatThrownBy(store::sync).isInstanceOfSatisfying(AwsException.class,
            e -> assertThat(e.code()).isEqualTo(CommonError.SERVICE_UNAVAILABLE));
        assertThatThrownBy(() -> put(store, "1/bob")).isInstanceOfSatisfying(AwsException.class,
            e -> assertThat(e.code()).isEqualTo(CommonError.SERVICE_UNAVAILABLE));
        assertThat(store.ready()).isFalse();

        own.start();
        // The pool reconnects in the background; the store answers again within seconds.
        Instant deadline = Instant.now().plusSeconds(60);
        while (!store.ready() && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        store.sync();
        put(store, "1/bob");
        assertThat(count(store)).isEqualTo(2);
      }
    }
  }
}
