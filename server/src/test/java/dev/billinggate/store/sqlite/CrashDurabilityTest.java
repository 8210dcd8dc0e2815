package dev.billinggate.store.sqlite;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.TestRecords.Counter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write acknowledged before {@code kill -9} is there after reopening, and no commit is
 * half-applied. This covers process crashes; power loss additionally relies on SQLite's fsync
 * under {@code synchronous=FULL}, which a test cannot cut.
 */
class CrashDurabilityTest {
  @TempDir Path dataDir;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    long next = 0;
    for (int round = 0; round < 3; round++) {
      long lastAck = writeUntilKilled(next, 40 + round * 70);
      next = checkRecovered(lastAck);
    }
  }

  /** Starts a writer at key {@code from}, kills it after {@code acks} acks; the last ack seen. */
  private long writeUntilKilled(long from, int acks) throws IOException, InterruptedException {
    Path log = dataDir.resolve("child-" + from + ".log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                CrashWriter.class.getName(),
                dataDir.resolve("data").toString(),
                Long.toString(from))
            .redirectError(log.toFile())
            .start();
    long lastAck = from - 1;
    int seen = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("ack ")) {
          lastAck = Long.parseLong(line.substring(4));
          if (++seen == acks) {
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
            // pipe, losing acks the child printed just before it died.
            child.toHandle().destroyForcibly();
          }
        }
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).as("acks before the child died; its stderr: %s", Files.readString(log))
        .isGreaterThanOrEqualTo(acks);
    return lastAck;
  }

  /** Asserts keys 0..lastAck (plus at most the one in flight) exist, all-or-nothing per commit. */
  private long checkRecovered(long lastAck) {
    try (SqliteStore store = SqliteStore.open(dataDir.resolve("data"))) {
      long last = store.read(tx -> tx.get(COUNTERS, "last")).orElseThrow().value();
      List<ReadTx.Entry<Counter>> keys =
          store.read(tx -> tx.scan(COUNTERS, "k", null, Integer.MAX_VALUE));

      assertThat(last).isBetween(lastAck, lastAck + 1);
      assertThat(keys).hasSize((int) last + 1);
      for (int n = 0; n <= last; n++) {
        assertThat(keys.get(n).key()).isEqualTo(CrashWriter.key(n));
      }
      return last + 1;
    }
  }
}
