package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.TestRecords.Counter;
import dev.billinggate.store.TestRecords.User;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers racing a writer always see whole commits. Each commit sets three counters (one of them
 * in another table) to the same number and keeps exactly that many users under a prefix, so a
 * reader seeing part of a commit would see counters disagree with each other or with the count.
 */
class ConcurrentVisibilityTest {
  private static final int READERS = 4;
  private static final long RUN_MILLIS = 1_500;

  @TempDir Path dataDir;

  @Test
  void inMemoryReadersNeverSeeTornCommits() throws Exception {
    try (Store store = new InMemoryStore()) {
      race(store);
    }
  }

  @Test
  void sqliteReadersNeverSeeTornCommits() throws Exception {
    try (Store store = SqliteStore.open(dataDir)) {
      race(store);
    }
  }

  private void race(Store store) throws Exception {
    store.write(tx -> commit(tx, 0));
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(pool.submit(() -> readUntil(store, done, reads)));
      }
      Future<Long> writer = pool.submit(() -> writeFor(store, done));
      long commits = writer.get();
      for (Future<?> reader : readers) {
        reader.get();
      }
      assertThat(commits).isPositive();
      assertThat(reads.get()).isGreaterThan(commits);
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
  }

  private static Object commit(WriteTx tx, long n) {
    tx.put(COUNTERS, "a", new Counter(n));
    tx.put(USERS, "n/" + String.format("%06d", n), User.named("u" + n));
    tx.put(COUNTERS, "b", new Counter(n));
    tx.delete(USERS, "n/" + String.format("%06d", n - 2)); // keep exactly two users
    tx.put(USERS, "counter", new User(Long.toString(n), null, List.of(), null, null));
    return null;
  }

  private static long writeFor(Store store, AtomicBoolean done) {
    long deadline = System.nanoTime() + RUN_MILLIS * 1_000_000;
    long n = 0;
    try {
      while (System.nanoTime() < deadline) {
        long next = ++n;
        store.write(tx -> commit(tx, next));
      }
      return n;
    } finally {
      done.set(true);
    }
  }

  private static void readUntil(Store store, AtomicBoolean done, AtomicLong reads) {
    while (!done.get()) {
      store.read(
          tx -> {
            long a = tx.get(COUNTERS, "a").orElseThrow().value();
            long b = tx.get(COUNTERS, "b").orElseThrow().value();
            long c = Long.parseLong(tx.get(USERS, "counter").orElseThrow().name());
            List<ReadTx.Entry<User>> users = tx.scan(USERS, "n/", null, 10);
            assertThat(b).isEqualTo(a);
            assertThat(c).isEqualTo(a);
            assertThat(tx.count(USERS, "n/")).isEqualTo(a == 0 ? 1 : 2);
            assertThat(users.get(users.size() - 1).value().name()).isEqualTo("u" + a);
            return null;
          });
      reads.incrementAndGet();
    }
  }
}
