package dev.billinggate.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {
  private static final long LONG = Duration.ofSeconds(60).toNanos();

  @Test
  void aWriterWaitsForEveryListedServerToApplyItsVersionOrForItsTimeToPass() throws Exception {
    Acknowledgements acks = new Acknowledgements();
    acks.record("a", 7);
    acks.record("a", 5); // an older acknowledgement arriving late lowers nothing

    assertThat(acks.await(List.of("a"), 7, 0)).isEmpty();
    assertThat(acks.await(List.of("a", "b"), 7, 0)).containsExactly("b");
    assertThat(acks.await(List.of("a"), 8, Duration.ofMillis(20).toNanos())).containsExactly("a");

    CompletableFuture<List<String>> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return acks.await(List.of("a", "b"), 9, LONG);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    acks.record("b", 9);
    acks.record("a", 12);
    assertThat(waiting.get(LONG, TimeUnit.NANOSECONDS)).isEmpty();
  }
}
