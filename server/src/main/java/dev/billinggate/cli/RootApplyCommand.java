package dev.billinggate.cli;

import dev.billinggate.governance.ApplyResult;
import dev.billinggate.governance.Auditor;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.CredentialResult;
import dev.billinggate.governance.ProgressListener;
import dev.billinggate.governance.RootPlan;
import dev.billinggate.governance.RootPlanner;
import dev.billinggate.governance.VendingRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {"Delete root credentials: exactly those of --plan FILE, or of a plan made now from the selection.",
      "One IAMDeleteRootUserCredentials session per account; a result per credential. The plan is shown on"
          + " stderr first. Re-running the same plan skips finished accounts (\"already applied on DATE\") and"
          + " retries failed credentials (state in --state-dir/root-apply.json)."},
    footer = {"", "Exit codes: 0 everything deleted, 1 some accounts refused, 2 usage (or no --yes without a"
        + " terminal), 3 some credentials not deleted, 4 credentials or configuration, 5 AWS service error."})
final class RootApplyCommand implements Callable<Integer> {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Mixin ConcurrencyOption concurrency;
  @Mixin SelectionOptions selection;
  @Spec CommandSpec spec;

  @Option(names = "--plan", paramLabel = "FILE", description = "A plan from root plan --out (default: plan now).")
  Path planFile;

  @Option(names = "--accept-billing-risk", description = "When planning now: include accounts whose billing access is OFF or UNKNOWN.")
  boolean acceptBillingRisk;

  @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("root apply", options, spec)
        .usageErrors(IllegalArgumentException.class, UncheckedIOException.class);
    if (!output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    if (!yes && System.console() == null) {
      return run.usage("stdin is not a terminal; pass --yes to delete without confirmation");
    }
    return run.run(clients -> apply(clients, run.err()), applied -> print(applied, run.out(), run.err()),
        RootApplyCommand::exitCode);
  }

  /** The plan applied; {@code results} is null when the person confirming said no. */
  private record Applied(RootPlan plan, List<ApplyResult> results) {}

  private Applied apply(AwsClients clients, PrintWriter err) throws IOException {
    Auditor auditor = new Auditor(clients, VendingRecords.open(options.stateDir), options.clock, options.ids);
    RootPlanner planner = new RootPlanner(auditor, options.clock, options.ids);
    RootPlan plan = planFile != null ? RootPlanner.readPlan(planFile)
        : planner.plan(planner.audit(selection.selection(), concurrency.concurrency, ProgressListener.NONE), acceptBillingRisk,
            Set.of());
    // The preview is for the person confirming: stdout carries only the results, parseable from its first byte.
    PlanOutput.print(plan, OutputOptions.Output.TABLE, err);
    if (!yes && !confirmed(err)) {
      err.println("root apply: cancelled");
      return new Applied(plan, null);
    }
    Progress progress = new Progress("accounts cleaned", err);
    List<ApplyResult> results = planner.apply(plan, options.stateDir, concurrency.concurrency, progress);
    progress.finish();
    return new Applied(plan, results);
  }

  private void print(Applied applied, PrintWriter out, PrintWriter err) {
    List<ApplyResult> results = applied.results();
    if (results == null) {
      return;
    }
    results.stream().filter(ApplyResult::alreadyApplied).map(ApplyResult::finishedAt).max(Instant::compareTo)
        .ifPresent(last -> err.println("root apply: plan " + applied.plan().planId() + " already applied on "
            + DATE.format(last)
            + (results.stream().allMatch(ApplyResult::alreadyApplied) ? "; nothing to do" : " for some accounts")));
    print(results, out);
  }

  private static int exitCode(Applied applied) {
    if (applied.results() == null) {
      return ExitCodes.OK;
    }
    if (applied.results().stream().anyMatch(r -> !r.complete())) {
      return ExitCodes.INCOMPLETE;
    }
    return applied.plan().accounts().stream().anyMatch(e -> e.refused() != null) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static boolean confirmed(PrintWriter out) throws IOException {
    out.print("Delete these root credentials? Type yes: ");
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return "yes".equals(answer == null ? null : answer.trim());
  }

  private void print(List<ApplyResult> results, PrintWriter out) {
    if (output.printDocument(results, out)) {
      return;
    }
    Table table = new Table("ACCOUNT", "CREDENTIAL", "RESULT", "DETAIL");
    for (ApplyResult r : results) {
      if (r.alreadyApplied()) {
        table.row(r.accountId(), "-", "ALREADY_APPLIED", "already applied on " + DATE.format(r.finishedAt())
            + "; nothing called now");
        continue;
      }
      for (CredentialResult c : r.credentials()) {
        table.row(r.accountId(), c.item(), c.outcome().name(), c.detail());
      }
    }
    out.print(output.output == OutputOptions.Output.TABLE ? table.render() : table.renderText());
    out.flush();
  }
}
