package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.BillingAttestation;
import dev.billinggate.governance.Organization;
import dev.billinggate.governance.RootRecovery;
import dev.billinggate.governance.RootSessions;
import dev.billinggate.governance.VendingRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {"Let the root user of ACCOUNT recover its password, to turn billing access on.",
      "AssumeRoot with IAMCreateRootUserPassword, then CreateLoginProfile without a password; prints the manual"
          + " steps. Once the root user has activated IAM access to billing, run it again with --billing-activated"
          + " to record that (AWS has no API to read the switch); audit then reports billing access ON for"
          + " ACCOUNT."},
    footer = {"", "Exit codes: 0 recovery allowed (or a password already existed) or activation recorded, 2 usage,"
        + " 4 credentials or configuration, 5 AWS service error (e.g. ACCOUNT is not in the organization)."})
final class RootRecoverCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ACCOUNT", description = "The member account id.")
  String account;

  @Option(names = "--billing-activated", description = "Record that ACCOUNT's root user has activated IAM user and role"
      + " access to billing information (no root session is opened).")
  boolean billingActivated;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("root recover", options, spec);
    return run.run(clients -> recover(clients, run.out()), done -> {}, done -> ExitCodes.OK);
  }

  /** Does the recovery step and says what comes next; there is no result to print after it. */
  private Void recover(AwsClients clients, PrintWriter out) {
    if (billingActivated) {
      // DescribeAccount first: a typo must not leave evidence for an account outside the organization.
      new Organization(clients.organizations()).describeAccount(account);
      BillingAttestation attestation = RootRecovery.attest(account, clients.sts().getCallerIdentity().arn(),
          options.clock.instant(), VendingRecords.open(options.stateDir));
      out.println("Recorded: billing access ON for " + account + ", attested by " + attestation.attestedBy() + ".");
      out.println("Next: billing-gate root plan --accounts " + account + " --out plan.json, then root apply --plan plan.json.");
    } else {
      boolean enabled = new RootRecovery(new RootSessions(clients)).enable(account);
      out.println(enabled ? "Root password recovery is now allowed for " + account + "."
          : "The root user of " + account + " already has a password.");
      out.println(RootRecovery.manualSteps(account));
    }
    out.flush();
    return null;
  }
}
