package dev.billinggate.cli;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.app.StartupException;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.emulator.StateControl;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinFormatException;
import dev.billinggate.twin.TwinReader;
import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    modelTransformer = ServeOptions.Declare.class,
    description = "Run the emulator: one endpoint for IAM, STS, Organizations, Cost Explorer, Budgets, Billing and Account, plus the console under /console/.")
final class ServeCommand implements Callable<Integer> {

  // Set from the command line by ServeOptions, which declares the options.
  String host;
  int port;
  Path data;
  boolean inMemory;
  String store;
  Path storePasswordFile;
  Integer storePoolSize;
  Long storeConnectTimeoutSeconds;
  Long storeStatementTimeoutSeconds;
  Long storeLeaseMillis;
  int accountQuota;
  long createAccountDelaySeconds;
  long serviceLinkedRoleDeletionDelaySeconds;
  double throttleRate;
  double conflictRate;
  int scpMaxBytes;
  BillingAccess.DefaultRule billingAccessDefault;
  Path fromSnapshot;
  Path fromTwin;
  UnknownBilling unknownBilling;
  boolean motoCompat;

  /** The billing switch of twin accounts whose switch the twin does not know. */
  enum UnknownBilling { ON, OFF }

  private static Twin readTwin(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TwinReader.read(in, file.toString());
    }
  }

  /** The --store database with its password, or null; a password is read, never taken from the URL. */
  private PostgresTarget postgres() {
    if (store == null) {
      Map<String, Object> storeOnly = new LinkedHashMap<>();
      storeOnly.put("--store-password-file", storePasswordFile);
      storeOnly.put("--store-pool-size", storePoolSize);
      storeOnly.put("--store-connect-timeout", storeConnectTimeoutSeconds);
      storeOnly.put("--store-statement-timeout", storeStatementTimeoutSeconds);
      storeOnly.put("--store-lease", storeLeaseMillis);
      storeOnly.forEach((option, value) -> {
        if (value != null) {
          throw new IllegalArgumentException(option + " needs --store");
        }
      });
      return null;
    }
    if (inMemory) {
      throw new IllegalArgumentException("--in-memory and --store exclude each other");
    }
    String password = System.getenv("PGPASSWORD");
    if (storePasswordFile != null) {
      try {
        password = Files.readAllLines(storePasswordFile).stream().findFirst().orElse("");
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --store-password-file " + storePasswordFile + ": " + e.getMessage());
      }
    }
    return PostgresTarget.parse(store, password);
  }

  /** The --store-* pool and timeout options over the defaults. */
  private PostgresSettings postgresSettings() {
    PostgresSettings settings = PostgresSettings.defaults();
    if (storePoolSize != null) {
      settings = setting("--store-pool-size", settings::withPoolSize, storePoolSize);
    }
    if (storeConnectTimeoutSeconds != null) {
      settings = setting("--store-connect-timeout", settings::withConnectTimeout, Duration.ofSeconds(storeConnectTimeoutSeconds));
    }
    if (storeStatementTimeoutSeconds != null) {
      settings = setting("--store-statement-timeout", settings::withStatementTimeout, Duration.ofSeconds(storeStatementTimeoutSeconds));
    }
    if (storeLeaseMillis != null) {
      settings = setting("--store-lease", settings::withLease, Duration.ofMillis(storeLeaseMillis));
    }
    return settings;
  }

  private static <V> PostgresSettings setting(String option, Function<V, PostgresSettings> with, V value) {
    try {
      return with.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (motoCompat && !MotoCompat.loopback(host)) {
      System.err.println("billing-gate serve: --moto-compat accepts unknown access keys as the administrator; it"
          + " listens on loopback only, not on " + host + ".");
      return ExitCodes.USAGE;
    }
    PostgresTarget postgres;
    PostgresSettings postgresSettings;
    try {
      postgres = postgres();
    } catch (IllegalArgumentException e) {
      System.err.println("billing-gate serve: --store: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      postgresSettings = postgresSettings();
    } catch (IllegalArgumentException e) {
      System.err.println("billing-gate serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    StartingSnapshot snapshot;
    try {
      snapshot = fromSnapshot == null ? null : StartingSnapshot.read(fromSnapshot);
    } catch (IllegalArgumentException e) {
      System.err.println("billing-gate serve: --from-snapshot " + fromSnapshot + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (fromTwin != null && fromSnapshot != null) {
      System.err.println("billing-gate serve: --from-twin and --from-snapshot each give the whole state; pick one.");
      return ExitCodes.USAGE;
    }
    Twin twin;
    try {
      twin = fromTwin == null ? null : readTwin(fromTwin);
    } catch (TwinFormatException e) {
      // The message starts with the file's name.
      System.err.println("billing-gate serve: --from-twin " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      System.err.println("billing-gate serve: --from-twin " + fromTwin + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ServerConfig config;
    try {
      Duration delay = Duration.ofSeconds(createAccountDelaySeconds);
      OrganizationsSettings organizations = OrganizationsSettings.defaults()
          .withAccountQuota(accountQuota)
          .withDelays(delay, delay)
          .withFaults(throttleRate, conflictRate)
          .withScpMaxBytes(scpMaxBytes);
      config = new ServerConfig(
          host, port, data, inMemory,
          System.getenv("BILLING_GATE_ROOT_PASSWORD"), System.getenv("BILLING_GATE_ADMIN_PASSWORD"), organizations,
          billingAccessDefault, motoCompat, Duration.ofSeconds(serviceLinkedRoleDeletionDelaySeconds));
    } catch (IllegalArgumentException e) {
      System.err.println("billing-gate serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (postgres != null) {
      config = config.withPostgres(postgres, postgresSettings);
    }
    BillingGate gate;
    try {
      gate = BillingGate.start(config, System.out);
    } catch (StartupException e) {
      System.err.println("billing-gate: " + e.getMessage());
      return ExitCodes.CONFIGURATION;
    }
    if (snapshot != null) {
      try {
        snapshot.apply(gate.state());
      } catch (IllegalArgumentException e) {
        gate.close();
        System.err.println("billing-gate serve: --from-snapshot " + fromSnapshot + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      System.err.println("billing-gate: started from snapshot " + snapshot.name() + " (" + fromSnapshot + ")");
    }
    if (twin != null) {
      try {
        StateControl.TwinLoaded loaded = gate.state().importTwin(twin, unknownBilling == UnknownBilling.ON);
        gate.saveSnapshot("twin");
        System.err.println("billing-gate: started from twin " + fromTwin + ": organization " + loaded.organizationId()
            + ", " + loaded.accounts() + " accounts (snapshot twin)");
        loaded.notLoaded().forEach(item -> System.err.println("billing-gate: not loaded from the twin: " + item));
        if (loaded.accessKeyId() != null) {
          System.err.println("billing-gate: management account " + loaded.managementAccountId() + ": root access key "
              + loaded.accessKeyId() + ", secret " + loaded.secretAccessKey() + " (shown once)");
        }
      } catch (RuntimeException e) {
        // Not empty, or the twin cannot be built here (an email the emulator already has): nothing was loaded.
        gate.close();
        System.err.println("billing-gate serve: --from-twin " + fromTwin + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    if (motoCompat) {
      System.err.print(MotoCompat.BANNER);
      System.err.flush();
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gate.close();
      stopped.countDown();
    }, "billing-gate-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }
}
