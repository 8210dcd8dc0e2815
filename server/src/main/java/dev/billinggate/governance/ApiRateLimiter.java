package dev.billinggate.governance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Client-side pacing per API ({@code Organizations.ListParents}, {@code STS.AssumeRoot}, ...), shared
 * by every client of a run, so a fan-out over thousands of accounts stays under AWS's per-API
 * throttling instead of leaning on retries. AWS does not publish most of these rates, hence one
 * configurable rate for all APIs.
 */
final class ApiRateLimiter implements ExecutionInterceptor {
  /** Sleeps for the given nanoseconds; the seam tests replace. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Map<String, long[]> nextFree = new ConcurrentHashMap<>();

  /** @param callsPerSecond the rate each API is held to; must be positive */
  ApiRateLimiter(double callsPerSecond) {
    this(callsPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  ApiRateLimiter(double callsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("the rate limit must be positive");
    }
    this.intervalNanos = (long) (1_000_000_000L / callsPerSecond);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    acquire(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  /** Waits until {@code api} may be called again, then reserves the next slot. */
  void acquire(String api) {
    long[] slot = nextFree.computeIfAbsent(api, key -> new long[] {Long.MIN_VALUE});
    long wait;
    synchronized (slot) {
      long now = nanoTime.getAsLong();
      long start = slot[0] == Long.MIN_VALUE ? now : Math.max(now, slot[0]);
      slot[0] = start + intervalNanos;
      wait = start - now;
    }
    if (wait > 0) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
