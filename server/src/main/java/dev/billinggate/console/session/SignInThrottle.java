package dev.billinggate.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mild brake on password guessing: after {@code limit} failed sign-ins from one address within
 * {@code window}, further attempts from it are refused until the oldest failure leaves the window.
 * Refusing (instead of sleeping) keeps the worker threads free.
 */
public final class SignInThrottle {
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int limit;
  private final Duration window;

  public SignInThrottle(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  public boolean blocked(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= limit;
    }
  }

  public void failed(String address) {
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.instant());
    }
  }

  public void succeeded(String address) {
    failures.remove(address);
  }

  /** Forgets every failure, as a fresh start would. */
  public void clear() {
    failures.clear();
  }

  private void prune(Deque<Instant> recent) {
    Instant oldest = clock.instant().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
      recent.removeFirst();
    }
  }
}
