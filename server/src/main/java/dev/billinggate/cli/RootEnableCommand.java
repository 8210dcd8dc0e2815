package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.RootAccessSetup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    description = {"Turn centralized root access on, in AWS's order, and show each prerequisite before and after.",
      "Trusted access for iam.amazonaws.com, then RootCredentialsManagement, then (with --root-sessions)"
          + " RootSessions. What is already on is left alone. The caller's sts:AssumeRoot permission is only"
          + " checked: grant it in IAM."},
    footer = {"", "Exit codes: 0 every prerequisite met afterwards, 1 some still missing, 2 usage, 4 credentials or"
        + " configuration, 5 AWS service error."})
final class RootEnableCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--root-sessions", description = "Also enable RootSessions, which sts:AssumeRoot (and so audit,"
      + " root plan and root apply) needs.")
  boolean rootSessions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.queryValid("root enable", err)) {
      return ExitCodes.USAGE;
    }
    RootAccessSetup.Report report;
    try (AwsClients clients = options.clients()) {
      report = new RootAccessSetup(clients).enable(rootSessions);
    } catch (RuntimeException e) {
      return Failures.report("root enable", e, options.debug, err);
    }
    report.changed().forEach(change -> err.println("root enable: " + change));
    return PrerequisitesOutput.print("root enable", report, output, out, err);
  }
}
