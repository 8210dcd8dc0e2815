package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkersTest {
  @Test
  void resultsComeInInputOrderWhateverOrderTheyFinishIn() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    Workers.forEachOrdered(items, 8, i -> {
      sleepMicros(ThreadLocalRandom.current().nextInt(300));
      return i * 2;
    }, seen::add);
    assertThat(seen).isEqualTo(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void neverHoldsMoreThanFourResultsPerWorker() {
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    Workers.forEachOrdered(IntStream.range(0, 2_000).boxed().toList(), 3, i -> {
      // The first item is slow, so everything behind it queues up: the window must still hold.
      sleepMicros(i == 0 ? 50_000 : 10);
      int held = produced.incrementAndGet() - consumed.get();
      mostHeld.accumulateAndGet(held, Math::max);
      return i;
    }, i -> consumed.incrementAndGet());
    assertThat(consumed.get()).isEqualTo(2_000);
    assertThat(mostHeld.get()).isLessThanOrEqualTo(3 * 4);
  }

  @Test
  void aBugInTheWorkSurfacesInsteadOfDroppingTheItem() {
    assertThatThrownBy(() -> Workers.map(List.of(1, 2, 3), 2, i -> {
      if (i == 2) {
        throw new IllegalStateException("boom");
      }
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  private static void sleepMicros(long micros) {
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
