package dev.billinggate.store.postgres;

import java.time.Duration;

/**
 * How a server uses its connections ({@code serve --store-pool-size}, {@code --store-connect-timeout},
 * {@code --store-statement-timeout}, {@code --store-lease}; docs/deploy.md).
 *
 * @param poolSize connections per server for writes, catch-ups and probes (HikariCP); the per-request
 *     version check (without a lease) and the commit listener have connections of their own besides
 * @param connectTimeout how long to wait for a pooled connection or a login before a request fails
 *     with ServiceUnavailable
 * @param statementTimeout how long PostgreSQL lets a statement run or wait for a lock before it cancels
 *     it ({@code statement_timeout}, {@code lock_timeout}); a transaction left idle is ended after four
 *     times as much, and a database that stops answering altogether is given up on after this plus 5 s
 * @param sessionOptions send the timeouts as session options at login; off for poolers that refuse
 *     startup options (then set them on the role: docs/deploy.md)
 * @param lease how long a server may serve reads from memory without asking the database after it
 *     last renewed its lease, and so how long at most a server that stopped answering holds up
 *     other servers' writes ({@code serve --store-lease}; docs/store.md)
 */
public record PostgresSettings(int poolSize, Duration connectTimeout, Duration statementTimeout,
    boolean sessionOptions, Duration lease) {
  public static final int MAX_POOL_SIZE = 1_000;
  /** pgJDBC counts its login and socket timeouts in whole seconds. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  public static final Duration MIN_LEASE = Duration.ofMillis(200);
  public static final Duration MAX_LEASE = Duration.ofSeconds(60);

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public PostgresSettings {
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException("the pool size must be between 1 and " + MAX_POOL_SIZE + ", not " + poolSize);
    }
    requireWholeSeconds("connect timeout", connectTimeout);
    requireWholeSeconds("statement timeout", statementTimeout);
    if (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
      throw new IllegalArgumentException("the lease must be from " + MIN_LEASE.toMillis() + " to "
          + MAX_LEASE.toMillis() + " ms, not " + lease.toMillis() + " ms");
    }
  }

  public static PostgresSettings defaults() {
    return new PostgresSettings(8, Duration.ofSeconds(3), Duration.ofSeconds(9), true, Duration.ofSeconds(2));
  }

  public PostgresSettings withPoolSize(int size) {
    return new PostgresSettings(size, connectTimeout, statementTimeout, sessionOptions, lease);
  }

  public PostgresSettings withConnectTimeout(Duration timeout) {
    return new PostgresSettings(poolSize, timeout, statementTimeout, sessionOptions, lease);
  }

  public PostgresSettings withStatementTimeout(Duration timeout) {
    return new PostgresSettings(poolSize, connectTimeout, timeout, sessionOptions, lease);
  }

  public PostgresSettings withLease(Duration length) {
    return new PostgresSettings(poolSize, connectTimeout, statementTimeout, sessionOptions, length);
  }

  private static void requireWholeSeconds(String what, Duration timeout) {
    if (timeout.getNano() != 0 || timeout.getSeconds() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("the " + what + " must be a whole number of seconds from 1 to "
          + MAX_TIMEOUT.toSeconds() + ", not " + (timeout.getNano() == 0 ? timeout.getSeconds() + " s" : timeout));
    }
  }
}
