package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.RootAccessSetup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {"Check the prerequisites of centralized root access.",
      "Trusted access for iam.amazonaws.com, RootCredentialsManagement, RootSessions, and whether the caller's"
          + " identity policies allow sts:AssumeRoot (SimulatePrincipalPolicy). Changes nothing; root enable"
          + " turns them on."},
    footer = {"", "Exit codes: 0 every prerequisite met, 1 some missing, 2 usage, 4 credentials or configuration,"
        + " 5 AWS service error."})
final class RootCheckCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!output.queryValid("root check", err)) {
      return ExitCodes.USAGE;
    }
    RootAccessSetup.Report report;
    try (AwsClients clients = options.clients()) {
      report = new RootAccessSetup(clients).check();
    } catch (RuntimeException e) {
      return Failures.report("root check", e, options.debug, err);
    }
    return PrerequisitesOutput.print("root check", report, output, out, err);
  }
}
