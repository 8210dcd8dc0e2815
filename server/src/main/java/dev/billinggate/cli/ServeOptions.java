package dev.billinggate.cli;

import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.billing.BillingAccess;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve}'s options, declared once, read two ways. picocli builds its model of {@code serve}
 * from this table (help, errors, every unusual form). The launcher first tries {@link #plain}: an
 * ordinary command line ({@code serve --in-memory --port 0}) is read here without picocli at all,
 * because building picocli's model costs about a fifth of the server's start-up (docs/benchmarks.md):
 * its classes are compiled for Java 5, which the launcher's start-up cache cannot hold, and reading
 * options by reflection spins method handles and annotation proxies on first use. Options are
 * therefore not annotations but entries with a setter. {@code ServeOptionsTest} checks that whatever
 * {@link #plain} reads, picocli reads the same.
 */
final class ServeOptions {
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

  static final List<Entry<?>> ALL = List.of(
      text("--host", "HOST", ServerConfig.DEFAULT_HOST, (c, v) -> c.host = v, "Address to bind (default: ${DEFAULT-VALUE})."),
      whole("--port", "PORT", "4566", (c, v) -> c.port = v, "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE})."),
      path("--data", "DIR", ".billing-gate", (c, v) -> c.data = v, "Directory of the durable store (default: ${DEFAULT-VALUE})."),
      flag("--in-memory", (c, v) -> c.inMemory = v, "Keep nothing on disk; state is lost on exit."),
      text("--store", "URL", null, (c, v) -> c.store = v,
          "Keep the state in PostgreSQL instead of --data: postgresql://USER@HOST:PORT/DATABASE[?sslmode=...].",
          "Several servers may share one database (docs/deploy.md). The password comes from PGPASSWORD or",
          "--store-password-file, never from the URL."),
      path("--store-password-file", "FILE", null, (c, v) -> c.storePasswordFile = v,
          "File holding the PostgreSQL password (first line), instead of the PGPASSWORD variable."),
      whole("--store-pool-size", "N", null, (c, v) -> c.storePoolSize = v,
          "With --store: pooled connections per server, for writes and catching up (default: 8; the",
          "commit listener and the version check have three connections of their own besides)."),
      wholeLong("--store-connect-timeout", "SECONDS", null, (c, v) -> c.storeConnectTimeoutSeconds = v,
          "With --store: how long to wait for a connection or a login before a request is answered",
          "ServiceUnavailable (default: 3)."),
      wholeLong("--store-statement-timeout", "SECONDS", null, (c, v) -> c.storeStatementTimeoutSeconds = v,
          "With --store: how long PostgreSQL lets a statement run or wait for a lock before it cancels",
          "it (statement_timeout, lock_timeout; default: 9). An idle transaction ends after 4 times as much."),
      wholeLong("--store-lease", "MILLIS", null, (c, v) -> c.storeLeaseMillis = v,
          "With --store: how long a server serves reads from memory after renewing its lease (default:",
          "2000). Writes wait for the other servers to apply them, at most this long for one that stopped answering."),
      whole("--account-quota", "N", "10", (c, v) -> c.accountQuota = v,
          "Accounts per organization, closed ones included (AWS's default quota: ${DEFAULT-VALUE})."),
      wholeLong("--create-account-delay", "SECONDS", "2", (c, v) -> c.createAccountDelaySeconds = v,
          "Seconds a CreateAccount request stays IN_PROGRESS (default: ${DEFAULT-VALUE}; 0 completes at once)."),
      wholeLong("--service-linked-role-deletion-delay", "SECONDS", "2", (c, v) -> c.serviceLinkedRoleDeletionDelaySeconds = v,
          "Seconds a DeleteServiceLinkedRole task stays IN_PROGRESS (default: ${DEFAULT-VALUE}; 0 completes at once)."),
      decimal("--org-throttle-rate", "RATE", "0", (c, v) -> c.throttleRate = v,
          "Fault injection: share (0..1) of Organizations requests answered TooManyRequestsException."),
      decimal("--org-conflict-rate", "RATE", "0", (c, v) -> c.conflictRate = v,
          "Fault injection: share (0..1) of mutating Organizations requests answered ConcurrentModificationException."),
      whole("--scp-max-size", "BYTES", "10240", (c, v) -> c.scpMaxBytes = v,
          "Largest service control policy accepted (default: ${DEFAULT-VALUE}, AWS's quota since 2026; 5120 before)."),
      choice("--billing-access-default", "RULE", BillingAccess.DefaultRule.class, "DOCUMENTED_ALLOW",
          (c, v) -> c.billingAccessDefault = v,
          "How accounts created without IamUserAccessToBilling start: DOCUMENTED_ALLOW (AWS's documented",
          "default, activated) or LINKED_ACCOUNT_ACCESS (activated exactly when the management account's",
          "linked account access is on, as seed 003 observed). Default: ${DEFAULT-VALUE}."),
      path("--from-snapshot", "FILE", null, (c, v) -> c.fromSnapshot = v,
          "Start from this snapshot file (from `state export`): it is imported as a snapshot named after",
          "the file (e.g. org.json -> org) and becomes the state; a later `state restore` of that name returns to it."),
      path("--from-twin", "FILE", null, (c, v) -> c.fromTwin = v,
          "Start as the organization of this twin file (from `twin pull`): same ids, emails, states, policies,",
          "root features and credential presence. Only into an empty store (--in-memory or a new --data); kept as",
          "snapshot `twin`, so `state restore twin` undoes a rehearsal."),
      choice("--twin-unknown-billing", "ON|OFF", ServeCommand.UnknownBilling.class, "OFF", (c, v) -> c.unknownBilling = v,
          "With --from-twin: the billing switch of accounts whose switch the twin does not know (default: ${DEFAULT-VALUE}, the pessimistic case)."),
      flag("--moto-compat", (c, v) -> c.motoCompat = v,
          "For suites written for moto's server mode: POST /moto-api/reset (unsigned) resets, and requests",
          "signed with access keys billing-gate does not know act as the bootstrap admin. Loopback --host only."));

  private static final Map<String, Entry<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Entry::name, Function.identity()));

  private ServeOptions() {}

  /**
   * One option: picocli's type, label, default and help, and {@code plain}, which converts a value of
   * the obvious form exactly as picocli would, or answers null to leave the value to picocli.
   */
  record Entry<T>(String name, Class<T> type, String paramLabel, String defaultValue, String[] description,
      Function<String, T> plain, BiConsumer<ServeCommand, T> set) {
    boolean isFlag() {
      return type == Boolean.class;
    }

    OptionSpec picocli(ServeCommand command) {
      OptionSpec.Builder option = OptionSpec.builder(name).type(isFlag() ? boolean.class : type).description(description)
          .setter(new picocli.CommandLine.Model.ISetter() {
            @Override
            public <V> V set(V value) {
              // picocli may first reset an option without a default to null: a new command already is.
              if (value != null) {
                set.accept(command, type.cast(value));
              }
              return null;
            }
          });
      if (!isFlag()) {
        option.paramLabel(paramLabel);
      }
      return defaultValue == null ? option.build() : option.defaultValue(defaultValue).build();
    }

    /** Sets the value when it has the obvious form; false to leave it to picocli. */
    boolean assign(ServeCommand command, String value) {
      T converted = plain.apply(value);
      if (converted == null) {
        return false;
      }
      set.accept(command, converted);
      return true;
    }
  }

  /** Gives picocli's model of {@code serve} its options ({@link ServeCommand}'s {@code modelTransformer}). */
  static final class Declare implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      ServeCommand command = (ServeCommand) spec.userObject();
      ALL.forEach(entry -> spec.addOption(entry.picocli(command)));
      return spec;
    }
  }

  /**
   * The command {@code args} (what follows {@code serve}) configure, when each is one of these options,
   * given once, with a value of the obvious form ({@code --port 0}, {@code --data=dir}); otherwise
   * empty, and picocli reads them (help, version, mistakes, values it might read differently).
   */
  static Optional<ServeCommand> plain(String... args) {
    ServeCommand command = new ServeCommand();
    for (Entry<?> entry : ALL) {
      if (entry.defaultValue() != null && !entry.assign(command, entry.defaultValue())) {
        throw new IllegalStateException(entry.name() + "'s default is not of the plain form");
      }
    }
    Set<String> given = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      Entry<?> entry = BY_NAME.get(name);
      if (entry == null || !given.add(name)) {
        return Optional.empty();
      }
      String value;
      if (entry.isFlag()) {
        value = equals < 0 ? "true" : null;
      } else if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else {
        value = i + 1 < args.length ? args[++i] : null;
      }
      if (value == null || value.isEmpty() || value.startsWith("-") || !entry.assign(command, value)) {
        return Optional.empty();
      }
    }
    return Optional.of(command);
  }

  private static Entry<String> text(String name, String label, String defaultValue, BiConsumer<ServeCommand, String> set,
      String... description) {
    return new Entry<>(name, String.class, label, defaultValue, description, value -> value, set);
  }

  private static Entry<Integer> whole(String name, String label, String defaultValue,
      BiConsumer<ServeCommand, Integer> set, String... description) {
    return number(name, Integer.class, WHOLE, Integer::valueOf, label, defaultValue, set, description);
  }

  private static Entry<Long> wholeLong(String name, String label, String defaultValue, BiConsumer<ServeCommand, Long> set,
      String... description) {
    return number(name, Long.class, WHOLE, Long::valueOf, label, defaultValue, set, description);
  }

  private static Entry<Double> decimal(String name, String label, String defaultValue,
      BiConsumer<ServeCommand, Double> set, String... description) {
    return number(name, Double.class, DECIMAL, Double::valueOf, label, defaultValue, set, description);
  }

  /** A number written in {@code form}, which every one of picocli's converters reads the same way. */
  private static <N> Entry<N> number(String name, Class<N> type, Pattern form, Function<String, N> parse, String label,
      String defaultValue, BiConsumer<ServeCommand, N> set, String... description) {
    return new Entry<>(name, type, label, defaultValue, description,
        value -> form.matcher(value).matches() ? parse.apply(value) : null, set);
  }

  private static Entry<Path> path(String name, String label, String defaultValue, BiConsumer<ServeCommand, Path> set,
      String... description) {
    return new Entry<>(name, Path.class, label, defaultValue, description, value -> {
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        return null;
      }
    }, set);
  }

  private static Entry<Boolean> flag(String name, BiConsumer<ServeCommand, Boolean> set, String... description) {
    return new Entry<>(name, Boolean.class, null, null, description, value -> value.equals("true") ? Boolean.TRUE : null,
        set);
  }

  /** Enum values in any case, as the launcher lets picocli take them (Main). */
  private static <E extends Enum<E>> Entry<E> choice(String name, String label, Class<E> type, String defaultValue,
      BiConsumer<ServeCommand, E> set, String... description) {
    return new Entry<>(name, type, label, defaultValue, description,
        value -> Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(value)).findFirst()
            .orElse(null), set);
  }
}
