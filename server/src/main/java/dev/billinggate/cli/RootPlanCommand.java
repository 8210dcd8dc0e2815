package dev.billinggate.cli;

import dev.billinggate.governance.AuditRun;
import dev.billinggate.governance.Auditor;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.CredentialKind;
import dev.billinggate.governance.EmulatorBillingProbe;
import dev.billinggate.governance.RootPlan;
import dev.billinggate.governance.RootPlanner;
import dev.billinggate.governance.VendingRecords;
import dev.billinggate.governance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {"Show exactly which root credentials apply would delete.",
      "Per account: password, each access key, signing certificates, MFA devices (--only narrows them). Accounts"
          + " with billing access OFF or UNKNOWN are refused when the password would go, unless"
          + " --accept-billing-risk; BLOCKED and ERROR accounts always are. Accounts with nothing to delete are a"
          + " note, not a refusal."},
    footer = {"", "Exit codes: 0 nothing refused, 1 some accounts refused, 2 usage, 3 some accounts not audited,"
        + " 4 credentials or configuration, 5 AWS service error."})
final class RootPlanCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Mixin ReportOption report;
  @Mixin ConcurrencyOption concurrency;
  @Mixin SelectionOptions selection;
  @Mixin BillingProbeOption probe;
  @Spec CommandSpec spec;

  @Option(names = "--accept-billing-risk", description = "Plan deletions in accounts whose billing access is OFF or UNKNOWN.")
  boolean acceptBillingRisk;

  @Option(names = "--only", split = ",", paramLabel = "KIND",
      description = "Delete only these kinds of credential: login (the password), keys, mfa, certificates (default: all).")
  Set<CredentialKind> only = EnumSet.noneOf(CredentialKind.class);

  @Option(names = "--out", paramLabel = "FILE", description = "Write the plan here, for root apply --plan.")
  Path out;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("root plan", options, spec);
    if (!report.valid(run.command(), run.err()) || !output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    return run.run(clients -> plan(clients, run.err()), plan -> print(plan, run.out()), RootPlanCommand::exitCode);
  }

  private RootPlan plan(AwsClients clients, PrintWriter err) throws IOException {
    EmulatorBillingProbe billingProbe = probe.probe(clients);
    Auditor auditor = new Auditor(clients, VendingRecords.open(options.stateDir), billingProbe, options.clock, options.ids);
    Progress progress = new Progress("accounts audited", err);
    RootPlanner planner = new RootPlanner(auditor, options.clock, options.ids);
    AuditRun audit = planner.audit(selection.selection(), concurrency.concurrency, progress);
    progress.finish();
    if (report.report != null) {
      ReportFile.write(report.report, audit);
    }
    return planner.plan(audit, acceptBillingRisk, only);
  }

  private void print(RootPlan plan, PrintWriter stdout) throws IOException {
    if (out != null) {
      Files.writeString(out, RootPlanner.planJson(plan), StandardCharsets.UTF_8);
    }
    if (!output.printDocument(plan, stdout)) {
      PlanOutput.print(plan, output.output, stdout);
    }
  }

  private static int exitCode(RootPlan plan) {
    if (plan.accounts().stream().anyMatch(e -> e.verdict() == Verdict.ERROR)) {
      return ExitCodes.INCOMPLETE;
    }
    return plan.accounts().stream().anyMatch(e -> e.refused() != null) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
