package dev.billinggate.cli;

import dev.billinggate.app.BillingGate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./billing-gate}. */
@Command(
    name = "billing-gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "An offline, faithful AWS control plane for billing access, and a governance tool for real AWS Organizations.",
    footer = {
      "",
      "Exit codes:",
      "  0  success",
      "  1  findings (governance commands; tune with --fail-on)",
      "  2  usage error",
      "  3  scan incomplete",
      "  4  credentials or configuration error",
      "  5  AWS service error",
    })
public final class Main implements Runnable {
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      ServeCommand.class, StateCommand.class, ImportCostsCommand.class, AuditCommand.class, VendCommand.class, RootCommand.class, ExplainCommand.class,
      TrainCommand.class, TwinCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      // Loading the service models overlaps reading the options.
      BillingGate.prepareInBackground();
      Optional<ServeCommand> plain = ServeOptions.plain(Arrays.copyOfRange(args, 1, args.length));
      if (plain.isPresent()) {
        System.exit(callAsPicocliWould(plain.get()));
      }
    }
    System.exit(forArguments(args).execute(args));
  }

  /**
   * An unexpected failure ends the process with picocli's exit code for it, the stack trace on
   * stderr, as on picocli's path: left to the JVM, the server's non-daemon threads could keep it alive.
   */
  private static int callAsPicocliWould(ServeCommand command) {
    try {
      return command.call();
    } catch (RuntimeException e) {
      e.printStackTrace();
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** Every subcommand, as {@code --help} lists them. */
  public static CommandLine commandLine() {
    return withSubcommands(SUBCOMMANDS);
  }

  /**
   * Only the subcommand {@code args} names, when it names one: picocli builds each command's model
   * by reflection, and building all of them costs {@code serve} a noticeable part of its start-up.
   */
  static CommandLine forArguments(String... args) {
    List<Class<?>> named = SUBCOMMANDS.stream()
        .filter(command -> args.length > 0 && command.getAnnotation(Command.class).name().equals(args[0]))
        .toList();
    return withSubcommands(named.isEmpty() ? SUBCOMMANDS : named);
  }

  private static CommandLine withSubcommands(List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new Main());
    // Built on their own, not by addSubcommand(Class), which skips a command's modelTransformer (serve's options).
    subcommands.forEach(type -> cli.addSubcommand(new CommandLine(type)));
    cli.setCaseInsensitiveEnumValuesAllowed(true).setParameterExceptionHandler(new UsageErrors());
    // Help as wide as the terminal, each command's synopsis one line: the options follow it anyway.
    abbreviate(cli);
    return cli.setUsageHelpAutoWidth(true);
  }

  private static void abbreviate(CommandLine command) {
    command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    command.getSubcommands().values().forEach(Main::abbreviate);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
