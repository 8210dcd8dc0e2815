package dev.billinggate.console.session;

import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mild brake on password guessing: after {@code limit} failed sign-ins from one address within
 * {@code window}, further attempts from it are refused until the oldest failure leaves the window.
 * Refusing (instead of sleeping) keeps the worker threads free. The failures are kept in the store,
 * so servers sharing one database (docs/deploy.md) count them together, and a reset forgets them.
 */
public final class SignInThrottle {
  /** Keyed by {@code address/} and the client address. */
  static final Table<SignInFailures> FAILURES = Table.of("console.signin_failures", SignInFailures.class);

  private final Store store;
  private final Clock clock;
  private final int limit;
  private final Duration window;

  public SignInThrottle(Store store, Clock clock, int limit, Duration window) {
    this.store = store;
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  public boolean blocked(String address) {
    Instant oldest = clock.instant().minus(window);
    return store.read(tx -> tx.get(FAILURES, key(address)))
        .map(f -> f.since(oldest).at().size() >= limit)
        .orElse(false);
  }

  public void failed(String address) {
    Instant now = clock.instant();
    store.update(tx -> {
      List<Instant> recent = new ArrayList<>(tx.get(FAILURES, key(address))
          .map(f -> f.since(now.minus(window)).at()).orElse(List.of()));
      recent.add(now);
      tx.put(FAILURES, key(address), new SignInFailures(recent));
    });
  }

  public void succeeded(String address) {
    if (store.read(tx -> tx.get(FAILURES, key(address))).isPresent()) {
      store.update(tx -> tx.delete(FAILURES, key(address)));
    }
  }

  /** Forgets every failure, as a fresh start would. */
  public void clear() {
    store.update(tx -> tx.scan(FAILURES, "", null, Integer.MAX_VALUE).forEach(e -> tx.delete(FAILURES, e.key())));
  }

  private static String key(String address) {
    return "address/" + address;
  }
}
