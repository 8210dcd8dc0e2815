package dev.billinggate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./billing-gate}. */
@Command(
    name = "billing-gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "An offline, faithful AWS control plane for billing access, and a governance tool for real AWS Organizations.",
    subcommands = {ServeCommand.class, ImportCostsCommand.class, AuditCommand.class, VendCommand.class, RootCommand.class, ExplainCommand.class},
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(new UsageErrors());
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
