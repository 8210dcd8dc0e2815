package dev.billinggate.store.postgres;

import java.time.Duration;

/**
 * This server's read lease as the server itself judges it, on its monotonic clock: while it runs,
 * requests are served from memory without asking the database. The database's {@code
 * nodes.lease_until} is set to its own {@code now()} plus the length at each renewal; here the lease
 * runs from the moment <em>before</em> the renewal was sent, less a margin for the two clocks'
 * rates, so it always ends before the database's view of it does. Only the {@link CommitListener}
 * thread extends or revokes it.
 */
final class NodeLease {
  private final long lengthNanos;
  private final long marginNanos;
  private volatile boolean held;
  private volatile long deadline;

  NodeLease(Duration length) {
    this.lengthNanos = length.toNanos();
    this.marginNanos = lengthNanos / 10;
  }

  boolean valid() {
    return held && System.nanoTime() - deadline < 0;
  }

  /** @param sentNanos {@link System#nanoTime} taken before the renewal that succeeded was sent */
  void extend(long sentNanos) {
    deadline = sentNanos + lengthNanos - marginNanos;
    held = true;
  }

  /** From now on every request asks the database, until the lease is renewed. */
  void revoke() {
    held = false;
  }
}
