package dev.billinggate.store.sqlite;

import static dev.billinggate.store.TestRecords.COUNTERS;

import dev.billinggate.store.TestRecords.Counter;
import java.nio.file.Path;

/**
 * Child process of {@link CrashDurabilityTest}: writes keys {@code from, from+1, ...} forever, each
 * in one transaction that also moves the {@code last} marker, and prints {@code ack <n>} after
 * {@code write} returns, so every printed number is an acknowledged write.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    long from = Long.parseLong(args[1]);
    SqliteStore store = SqliteStore.open(dataDir);
    System.out.println("open");
    System.out.flush();
    for (long n = from; ; n++) {
      long written = n;
      store.write(
          tx -> {
            tx.put(COUNTERS, key(written), new Counter(written));
            tx.put(COUNTERS, "last", new Counter(written));
            return null;
          });
      System.out.println("ack " + n);
      System.out.flush();
    }
  }

  static String key(long n) {
    return String.format("k%08d", n);
  }
}
