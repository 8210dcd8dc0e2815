package dev.billinggate.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --concurrency}, for the commands that work on many accounts (a picocli mixin). */
final class ConcurrencyOption {
  int concurrency;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Accounts worked on at once (default: ${DEFAULT-VALUE}).")
  void concurrency(int n) {
    concurrency = GovernanceOptions.require(command, n, n >= 1, "--concurrency must be at least 1");
  }

  @Spec(Spec.Target.MIXEE) CommandSpec command;
}
