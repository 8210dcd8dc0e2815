package dev.billinggate.app;

import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code serve} runs.
 *
 * @param host address to bind; 127.0.0.1 by default so nothing is exposed beyond this machine
 * @param port TCP port, 0 for a random free one
 * @param dataDir directory of the durable store, ignored when {@code inMemory}
 * @param inMemory keep nothing on disk
 * @param rootPassword console password of the bootstrap root user, or {@code null} to generate one
 * @param adminPassword console password of the bootstrap IAM user {@code admin}, or {@code null}
 * @param organizations Organizations' quotas, delays and fault injection
 * @param billingAccessDefault how accounts created without {@code IamUserAccessToBilling} start
 * @param motoCompat moto's server-mode conveniences: an unsigned {@code POST /moto-api/reset}, and
 *     access keys billing-gate does not know act as the bootstrap admin (loopback only)
 * @param serviceLinkedRoleDeletionDelay how long a DeleteServiceLinkedRole task stays IN_PROGRESS;
 *     zero completes it at once
 * @param postgres the PostgreSQL database several servers share, or null for {@code dataDir} / in memory
 * @param postgresSettings the pool and timeouts of the {@code postgres} store
 */
public record ServerConfig(
    String host, int port, Path dataDir, boolean inMemory, String rootPassword, String adminPassword,
    OrganizationsSettings organizations, BillingAccess.DefaultRule billingAccessDefault, boolean motoCompat,
    Duration serviceLinkedRoleDeletionDelay, PostgresTarget postgres, PostgresSettings postgresSettings) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 4566;

  public ServerConfig {
    if (serviceLinkedRoleDeletionDelay.isNegative()) {
      throw new IllegalArgumentException("the service-linked role deletion delay must not be negative");
    }
  }

  public ServerConfig(String host, int port, Path dataDir, boolean inMemory, String rootPassword, String adminPassword,
      OrganizationsSettings organizations, BillingAccess.DefaultRule billingAccessDefault, boolean motoCompat,
      Duration serviceLinkedRoleDeletionDelay) {
    this(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations, billingAccessDefault, motoCompat,
        serviceLinkedRoleDeletionDelay, null, PostgresSettings.defaults());
  }

  public ServerConfig(String host, int port, Path dataDir, boolean inMemory, String rootPassword, String adminPassword,
      OrganizationsSettings organizations, BillingAccess.DefaultRule billingAccessDefault, boolean motoCompat) {
    this(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations, billingAccessDefault, motoCompat,
        IamService.DEFAULT_SERVICE_LINKED_ROLE_DELETION_DELAY);
  }

  public ServerConfig(String host, int port, Path dataDir, boolean inMemory, String rootPassword, String adminPassword,
      OrganizationsSettings organizations, BillingAccess.DefaultRule billingAccessDefault) {
    this(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations, billingAccessDefault, false);
  }

  public static ServerConfig inMemory(int port) {
    return new ServerConfig(DEFAULT_HOST, port, null, true, null, null, OrganizationsSettings.defaults(),
        BillingAccess.DefaultRule.DOCUMENTED_ALLOW);
  }

  public ServerConfig withOrganizations(OrganizationsSettings settings) {
    return new ServerConfig(host, port, dataDir, inMemory, rootPassword, adminPassword, settings, billingAccessDefault,
        motoCompat, serviceLinkedRoleDeletionDelay, postgres, postgresSettings);
  }

  public ServerConfig withBillingAccessDefault(BillingAccess.DefaultRule rule) {
    return new ServerConfig(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations, rule, motoCompat,
        serviceLinkedRoleDeletionDelay, postgres, postgresSettings);
  }

  public ServerConfig withMotoCompat(boolean on) {
    return new ServerConfig(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations,
        billingAccessDefault, on, serviceLinkedRoleDeletionDelay, postgres, postgresSettings);
  }

  public ServerConfig withServiceLinkedRoleDeletionDelay(Duration delay) {
    return new ServerConfig(host, port, dataDir, inMemory, rootPassword, adminPassword, organizations,
        billingAccessDefault, motoCompat, delay, postgres, postgresSettings);
  }

  /** Keeps the state in this PostgreSQL database instead of {@code dataDir}; several servers may share it. */
  public ServerConfig withPostgres(PostgresTarget database) {
    return withPostgres(database, postgresSettings);
  }

  /** {@link #withPostgres(PostgresTarget)} with this pool size and these timeouts. */
  public ServerConfig withPostgres(PostgresTarget database, PostgresSettings settings) {
    return new ServerConfig(host, port, dataDir, false, rootPassword, adminPassword, organizations,
        billingAccessDefault, motoCompat, serviceLinkedRoleDeletionDelay, database, settings);
  }
}
