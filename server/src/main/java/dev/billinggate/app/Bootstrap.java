package dev.billinggate.app;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.store.SnapshotContent;
import dev.billinggate.store.Store;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.core.AwsIds;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.iam.IamEnv;
import dev.billinggate.service.organizations.OrganizationDirectory;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First start on an empty store: the standalone account of PRODUCT.md with its root user and the
 * IAM user {@code admin}. Billing access starts deactivated, as for any standalone AWS account.
 */
final class Bootstrap {
  static final String ACCOUNT_ID = "123456789012";
  static final String ROOT_EMAIL = "root@example.com";
  static final String ADMIN_USER = "admin";
  static final String ADMIN_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String ADMIN_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

  /** Passwords chosen at bootstrap; {@code generated} ones must be shown to the user once. */
  record Passwords(String root, boolean rootGenerated, String admin, boolean adminGenerated) {}

  /** First-start states built by in-memory servers of this JVM, by root and admin password. */
  private static final Map<List<String>, SnapshotContent> BUILT_IN_MEMORY = new ConcurrentHashMap<>();

  private Bootstrap() {}

  static boolean needed(IamService iam) {
    return iam.accounts().find(ACCOUNT_ID).isEmpty();
  }

  /**
   * {@link #run}, or the first-start state an earlier in-memory server of this JVM built with the
   * same configured passwords, restored: tests start many servers, and bcrypt is slow on purpose.
   * Generated passwords differ per start (and must be shown), so they always run the bootstrap.
   * A reused state keeps the first build's timestamps and ids.
   */
  static Passwords runOrReuse(IamService iam, dev.billinggate.service.iam.Passwords hashing, Store store, ServerConfig config,
      IdGenerator ids, Clock clock) {
    if (!config.inMemory() || config.rootPassword() == null || config.adminPassword() == null) {
      return run(iam, hashing, store, config, ids, clock);
    }
    List<String> key = List.of(config.rootPassword(), config.adminPassword());
    SnapshotContent built = BUILT_IN_MEMORY.get(key);
    if (built == null) {
      Passwords passwords = run(iam, hashing, store, config, ids, clock);
      store.snapshots().save(EmulatorState.FIRST_START, clock.instant());
      BUILT_IN_MEMORY.putIfAbsent(key, store.snapshots().content(EmulatorState.FIRST_START).orElseThrow());
      return passwords;
    }
    store.snapshots().put(EmulatorState.FIRST_START, built);
    store.snapshots().restore(EmulatorState.FIRST_START);
    return new Passwords(config.rootPassword(), false, config.adminPassword(), false);
  }

  static Passwords run(IamService iam, dev.billinggate.service.iam.Passwords hashing, Store store, ServerConfig config, IdGenerator ids, Clock clock) {
    Passwords passwords = new Passwords(
        orGenerated(config.rootPassword(), hashing, ids), config.rootPassword() == null,
        orGenerated(config.adminPassword(), hashing, ids), config.adminPassword() == null);
    Caller root = new Caller(CallerType.ROOT, ACCOUNT_ID, "arn:aws:iam::" + ACCOUNT_ID + ":root", ACCOUNT_ID, null, null);
    CallContext context = new CallContext(root, "Bootstrap", "bootstrap", "us-east-1", clock.instant(), "127.0.0.1", false);

    iam.createAdministrator(context, ADMIN_USER, ADMINISTRATOR_ACCESS, ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY,
        passwords.admin());
    store.write(tx -> {
      BillingAccess.set(tx, ACCOUNT_ID, false);
      return null;
    });
    // The account record goes last: its presence is what marks the bootstrap as done.
    iam.accounts().createAccount(ACCOUNT_ID, ROOT_EMAIL, "billing-gate", passwords.root());
    return passwords;
  }

  /**
   * The first-start state for a data directory bootstrapped before billing-gate kept it: the
   * bootstrap run again, on a scratch store, with the configured passwords (generated ones are
   * printed, as on a first start).
   */
  static SnapshotContent rebuild(ServerConfig config, PrintStream out, Clock clock) {
    try (Store scratch = new InMemoryStore()) {
      PolicyEngine engine = new DefaultPolicyEngine();
      dev.billinggate.service.iam.Passwords hashing = dev.billinggate.service.iam.Passwords.standard();
      IamService iam = new IamService(
          new IamEnv(scratch, engine, AwsManagedPolicies.load(), clock, new AwsIds(IdGenerator.secure())),
          hashing, new DirectoryIamOrganizations(new OrganizationDirectory(scratch, engine)));
      Passwords passwords = run(iam, hashing, scratch, config, IdGenerator.secure(), clock);
      out.print("billing-gate: first-start state rebuilt for reset\n" + Banner.passwordLines(passwords));
      out.flush();
      scratch.snapshots().save(EmulatorState.FIRST_START, clock.instant());
      return scratch.snapshots().content(EmulatorState.FIRST_START).orElseThrow();
    }
  }

  private static String orGenerated(String given, dev.billinggate.service.iam.Passwords hashing, IdGenerator ids) {
    return given != null ? given : hashing.generate(ids);
  }
}
