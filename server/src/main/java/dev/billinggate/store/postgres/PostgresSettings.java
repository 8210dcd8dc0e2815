package dev.billinggate.store.postgres;

import java.time.Duration;

/**
 * How a server uses its connections.
 *
 * @param poolSize connections per server (HikariCP); a write holds one, reads need one per round trip
 * @param timeout how long to wait for a connection or a login; statements get three times as much
 *     before PostgreSQL cancels them, so a request fails with ServiceUnavailable instead of hanging
 * @param sessionOptions send the timeouts as session options at login; off for poolers that refuse
 *     startup options (then set them on the role: docs/deploy.md)
 */
public record PostgresSettings(int poolSize, Duration timeout, boolean sessionOptions) {
  public static PostgresSettings defaults() {
    return new PostgresSettings(8, Duration.ofSeconds(3), true);
  }
}
