package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.RootRecovery;
import dev.billinggate.governance.RootSessions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {"Let the root user of ACCOUNT recover its password.",
      "AssumeRoot with IAMCreateRootUserPassword, then CreateLoginProfile without a password; prints the manual",
      "steps to turn billing access on."},
    footer = {"", "Exit codes: 0 recovery allowed (or a password already existed), 2 usage,",
      "4 credentials or configuration, 5 AWS service error."})
final class RootRecoverCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ACCOUNT", description = "The member account id.")
  String account;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!options.noReport("root recover", err) || !options.noQuery("root recover", err)) {
      return ExitCodes.USAGE;
    }
    try (AwsClients clients = options.clients()) {
      boolean enabled = new RootRecovery(new RootSessions(clients)).enable(account);
      out.println(enabled ? "Root password recovery is now allowed for " + account + "."
          : "The root user of " + account + " already has a password.");
      out.println(RootRecovery.manualSteps(account));
      out.flush();
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return Failures.report("root recover", e, options.debug, err);
    }
  }
}
