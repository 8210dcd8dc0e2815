package dev.billinggate.store.sqlite;

import static dev.billinggate.store.TestRecords.USERS;

import dev.billinggate.store.TestRecords.User;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Measures what a cold process pays to open the store, from JVM start, as the server's first
 * request does. Seed once, then time opens in fresh JVMs:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * CP=target/test-classes:target/classes:$(cat target/cp.txt)
 * java -cp $CP dev.billinggate.store.sqlite.OpenTiming seed /tmp/bg-100k 100000
 * java -cp $CP dev.billinggate.store.sqlite.OpenTiming open /tmp/bg-100k
 * </pre>
 */
public final class OpenTiming {
  private OpenTiming() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    if (args[0].equals("seed")) {
      int records = Integer.parseInt(args[2]);
      try (SqliteStore store = SqliteStore.open(dir)) {
        store.write(
            tx -> {
              for (int i = 0; i < records; i++) {
                String key = String.format("%012d/user-%07d", 100_000_000_000L + i % 100, i);
                tx.put(USERS, key, User.named(key));
              }
              return null;
            });
      }
      return;
    }
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(dir)) {
      long t1 = System.nanoTime();
      long readyMillis = System.currentTimeMillis() - jvmStart;
      int page = store.read(tx -> tx.scan(USERS, "100000000042/", null, 100)).size();
      long t2 = System.nanoTime();
      store.declare(USERS);
      long t3 = System.nanoTime();
      System.out.printf(
          "jvm-start-to-open=%d ms open=%d ms first-scan(%d)=%d ms declare(decode all)=%d ms%n",
          readyMillis, (t1 - t0) / 1_000_000, page, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
  }
}
