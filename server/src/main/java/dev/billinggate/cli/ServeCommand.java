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
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the emulator: one endpoint for IAM, STS, Organizations, Cost Explorer, Budgets, Billing and Account, plus the console under /console/.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "4566", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = ".billing-gate", description = "Directory of the durable store (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--in-memory", description = "Keep nothing on disk; state is lost on exit.")
  boolean inMemory;

  @Option(names = "--store", paramLabel = "URL",
      description = {"Keep the state in PostgreSQL instead of --data: postgresql://USER@HOST:PORT/DATABASE[?sslmode=...].",
          "Several servers may share one database (docs/deploy.md). The password comes from PGPASSWORD or",
          "--store-password-file, never from the URL."})
  String store;

  @Option(names = "--store-password-file", paramLabel = "FILE",
      description = "File holding the PostgreSQL password (first line), instead of the PGPASSWORD variable.")
  Path storePasswordFile;

  @Option(names = "--store-pool-size", paramLabel = "N",
      description = {"With --store: pooled connections per server, for writes and catching up (default: 8; the",
          "commit listener and the version check have three connections of their own besides)."})
  Integer storePoolSize;

  @Option(names = "--store-connect-timeout", paramLabel = "SECONDS",
      description = {"With --store: how long to wait for a connection or a login before a request is answered",
          "ServiceUnavailable (default: 3)."})
  Long storeConnectTimeoutSeconds;

  @Option(names = "--store-statement-timeout", paramLabel = "SECONDS",
      description = {"With --store: how long PostgreSQL lets a statement run or wait for a lock before it cancels",
          "it (statement_timeout, lock_timeout; default: 9). An idle transaction ends after 4 times as much."})
  Long storeStatementTimeoutSeconds;

  @Option(names = "--store-lease", paramLabel = "MILLIS",
      description = {"With --store: how long a server serves reads from memory after renewing its lease (default:",
          "2000). Writes wait for the other servers to apply them, at most this long for one that stopped answering."})
  Long storeLeaseMillis;

  @Option(names = "--account-quota", paramLabel = "N", defaultValue = "10",
      description = "Accounts per organization, closed ones included (AWS's default quota: ${DEFAULT-VALUE}).")
  int accountQuota;

  @Option(names = "--create-account-delay", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds a CreateAccount request stays IN_PROGRESS (default: ${DEFAULT-VALUE}; 0 completes at once).")
  long createAccountDelaySeconds;

  @Option(names = "--service-linked-role-deletion-delay", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds a DeleteServiceLinkedRole task stays IN_PROGRESS (default: ${DEFAULT-VALUE}; 0 completes at once).")
  long serviceLinkedRoleDeletionDelaySeconds;

  @Option(names = "--org-throttle-rate", paramLabel = "RATE", defaultValue = "0",
      description = "Fault injection: share (0..1) of Organizations requests answered TooManyRequestsException.")
  double throttleRate;

  @Option(names = "--org-conflict-rate", paramLabel = "RATE", defaultValue = "0",
      description = "Fault injection: share (0..1) of mutating Organizations requests answered ConcurrentModificationException.")
  double conflictRate;

  @Option(names = "--scp-max-size", paramLabel = "BYTES", defaultValue = "10240",
      description = "Largest service control policy accepted (default: ${DEFAULT-VALUE}, AWS's quota since 2026; 5120 before).")
  int scpMaxBytes;

  @Option(names = "--billing-access-default", paramLabel = "RULE", defaultValue = "DOCUMENTED_ALLOW",
      description = {"How accounts created without IamUserAccessToBilling start: DOCUMENTED_ALLOW (AWS's documented",
          "default, activated) or LINKED_ACCOUNT_ACCESS (activated exactly when the management account's",
          "linked account access is on, as seed 003 observed). Default: ${DEFAULT-VALUE}."})
  BillingAccess.DefaultRule billingAccessDefault;

  @Option(names = "--from-snapshot", paramLabel = "FILE",
      description = {"Start from this snapshot file (from `state export`): it is imported as a snapshot named after",
          "the file (e.g. org.json -> org) and becomes the state; a later `state restore` of that name returns to it."})
  Path fromSnapshot;

  @Option(names = "--from-twin", paramLabel = "FILE",
      description = {"Start as the organization of this twin file (from `twin pull`): same ids, emails, states, policies,",
          "root features and credential presence. Only into an empty store (--in-memory or a new --data); kept as",
          "snapshot `twin`, so `state restore twin` undoes a rehearsal."})
  Path fromTwin;

  /** The billing switch of twin accounts whose switch the twin does not know. */
  enum UnknownBilling { ON, OFF }

  @Option(names = "--twin-unknown-billing", paramLabel = "ON|OFF", defaultValue = "OFF",
      description = "With --from-twin: the billing switch of accounts whose switch the twin does not know (default: ${DEFAULT-VALUE}, the pessimistic case).")
  UnknownBilling unknownBilling;

  @Option(names = "--moto-compat",
      description = {"For suites written for moto's server mode: POST /moto-api/reset (unsigned) resets, and requests",
          "signed with access keys billing-gate does not know act as the bootstrap admin. Loopback --host only."})
  boolean motoCompat;

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
