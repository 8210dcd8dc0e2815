package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pacing per API on a fake clock: no real sleeping, exact waits. */
class ApiRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> sleeps = new ArrayList<>();
  private final ApiRateLimiter limiter = new ApiRateLimiter(10, now::get, nanos -> {
    sleeps.add(nanos);
    now.addAndGet(nanos);
  });

  @Test
  void callsToOneApiAreSpacedByTheInterval() {
    for (int i = 0; i < 4; i++) {
      limiter.acquire("Organizations.ListParents");
    }
    assertThat(sleeps).containsExactly(100_000_000L, 100_000_000L, 100_000_000L);
  }

  @Test
  void eachApiHasItsOwnPace() {
    limiter.acquire("Organizations.ListParents");
    limiter.acquire("STS.AssumeRoot");
    limiter.acquire("IAM.ListAccessKeys");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void idleTimeIsNotSavedUpIntoABurst() {
    limiter.acquire("IAM.GetLoginProfile");
    now.addAndGet(5_000_000_000L);
    limiter.acquire("IAM.GetLoginProfile");
    limiter.acquire("IAM.GetLoginProfile");
    assertThat(sleeps).containsExactly(100_000_000L);
  }

  @Test
  void theRateMustBePositive() {
    assertThatThrownBy(() -> new ApiRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
