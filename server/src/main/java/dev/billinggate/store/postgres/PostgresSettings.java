package dev.billinggate.store.postgres;

import java.time.Duration;

/**
 * How a server uses its connections ({@code serve --store-pool-size}, {@code --store-connect-timeout},
 * {@code --store-statement-timeout}; docs/deploy.md).
 *
 * @param poolSize connections per server for writes, catch-ups and probes (HikariCP); the per-request
 *     version check has one connection of its own besides
 * @param connectTimeout how long to wait for a pooled connection or a login before a request fails
 *     with ServiceUnavailable
 * @param statementTimeout how long PostgreSQL lets a statement run or wait for a lock before it cancels
 *     it ({@code statement_timeout}, {@code lock_timeout}); a transaction left idle is ended after four
 *     times as much, and a database that stops answering altogether is given up on after this plus 5 s
 * @param sessionOptions send the timeouts as session options at login; off for poolers that refuse
 *     startup options (then set them on the role: docs/deploy.md)
 * @param readStaleness zero (the default): every request sees every write any server acknowledged
 *     before it arrived. Otherwise a request may reuse a version check that started at most this long
 *     before it arrived, and so miss other servers' writes of that last moment ({@code serve
 *     --store-read-staleness}, off by default; docs/store.md)
 */
public record PostgresSettings(int poolSize, Duration connectTimeout, Duration statementTimeout,
    boolean sessionOptions, Duration readStaleness) {
  public static final int MAX_POOL_SIZE = 1_000;
  /** pgJDBC counts its login and socket timeouts in whole seconds. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  public static final Duration MAX_READ_STALENESS = Duration.ofSeconds(60);

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public PostgresSettings {
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException("the pool size must be between 1 and " + MAX_POOL_SIZE + ", not " + poolSize);
    }
    requireWholeSeconds("connect timeout", connectTimeout);
    requireWholeSeconds("statement timeout", statementTimeout);
    if (readStaleness.isNegative() || readStaleness.compareTo(MAX_READ_STALENESS) > 0) {
      throw new IllegalArgumentException("the read staleness must be from 0 to " + MAX_READ_STALENESS.toMillis()
          + " ms, not " + readStaleness.toMillis() + " ms");
    }
  }

  public static PostgresSettings defaults() {
    return new PostgresSettings(8, Duration.ofSeconds(3), Duration.ofSeconds(9), true, Duration.ZERO);
  }

  public PostgresSettings withPoolSize(int size) {
    return new PostgresSettings(size, connectTimeout, statementTimeout, sessionOptions, readStaleness);
  }

  public PostgresSettings withConnectTimeout(Duration timeout) {
    return new PostgresSettings(poolSize, timeout, statementTimeout, sessionOptions, readStaleness);
  }

  public PostgresSettings withStatementTimeout(Duration timeout) {
    return new PostgresSettings(poolSize, connectTimeout, timeout, sessionOptions, readStaleness);
  }

  public PostgresSettings withReadStaleness(Duration staleness) {
    return new PostgresSettings(poolSize, connectTimeout, statementTimeout, sessionOptions, staleness);
  }

  private static void requireWholeSeconds(String what, Duration timeout) {
    if (timeout.getNano() != 0 || timeout.getSeconds() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("the " + what + " must be a whole number of seconds from 1 to "
          + MAX_TIMEOUT.toSeconds() + ", not " + (timeout.getNano() == 0 ? timeout.getSeconds() + " s" : timeout));
    }
  }
}
