package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.USERS;

import dev.billinggate.store.TestRecords.User;
import dev.billinggate.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point get, 100-record page scan and durable write on a {@link SqliteStore} holding 100,000
 * users in 100 accounts (reads are served by the same in-memory engine as {@code InMemoryStore}).
 *
 * <p>Run (the JMH annotation processor generates the harness at test-compile):
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main \
 *     StoreBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s
 * </pre>
 *
 * Add {@code -t 2} to see reads from two threads contending for the read lock; the {@code
 * readWhileWriting} group runs point reads next to a thread committing durably.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class StoreBenchmark {
  private static final int ACCOUNTS = 100;
  private static final int USERS_PER_ACCOUNT = 1_000;

  private final String[] keys = new String[ACCOUNTS * USERS_PER_ACCOUNT];
  private Path dataDir;
  private SqliteStore store;

  /** Per-thread position, so benchmark threads do not share a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    long next;
  }

  private static String account(long n) {
    return Long.toString(100_000_000_000L + n % ACCOUNTS);
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    for (int n = 0; n < keys.length; n++) {
      keys[n] = account(n) + "/user-" + String.format("%07d", n);
    }
    dataDir = Files.createTempDirectory("store-bench");
    try (SqliteStore seeding = SqliteStore.open(dataDir)) {
      seeding.write(
          tx -> {
            for (String key : keys) {
              tx.put(USERS, key, User.named(key));
            }
            return null;
          });
    }
    store = SqliteStore.open(dataDir);
    store.declare(USERS);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public Optional<User> pointGet(Cursor cursor) {
    String key = keys[(int) (++cursor.next * 7919 % keys.length)];
    return store.read(tx -> tx.get(USERS, key));
  }

  @Benchmark
  public List<ReadTx.Entry<User>> scan100(Cursor cursor) {
    String account = account(++cursor.next);
    String prefix = account + "/";
    String after = account + "/user-0050000";
    return store.read(tx -> tx.scan(USERS, prefix, after, 100));
  }

  @Benchmark
  public Object durableWrite(Cursor cursor) {
    String key = "999999999999/bench-" + Thread.currentThread().getId() + "-" + ++cursor.next;
    return store.write(
        tx -> {
          tx.put(USERS, key, User.named(key));
          return null;
        });
  }

  /** Point reads while another thread commits durably: readers must not wait for the fsync. */
  @Benchmark
  @Group("readWhileWriting")
  @GroupThreads(1)
  public Optional<User> readWhileWritingGet(Cursor cursor) {
    return pointGet(cursor);
  }

  @Benchmark
  @Group("readWhileWriting")
  @GroupThreads(1)
  public Object readWhileWritingPut(Cursor cursor) {
    return durableWrite(cursor);
  }
}
