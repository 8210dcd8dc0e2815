package dev.billinggate.cli;

import dev.billinggate.governance.AuditSink;
import dev.billinggate.governance.AuditTally;
import dev.billinggate.governance.Auditor;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.EmulatorBillingProbe;
import dev.billinggate.governance.FailOn;
import dev.billinggate.governance.VendingRecords;
import dev.billinggate.governance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit member accounts: may their root credentials be deleted now?",
      "Checks centralized root access, root credentials (through AssumeRoot), billing access (from the vending"
          + " record, else UNKNOWN), SCPs/RCPs that block root tasks or billing pages; verdict READY, BLOCKED,"
          + " UNKNOWN or ERROR.",
      "Results stream to stdout and --report as accounts finish, so memory stays flat at any organization size."},
    footer = {"", "Exit codes: 0 all compliant, 1 findings (a FAIL or, by default, an UNKNOWN check; see --fail-on),"
        + " 2 usage, 3 incomplete (ERROR rows), 4 credentials or configuration, 5 AWS service error."})
final class AuditCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Mixin ReportOption report;
  @Mixin ConcurrencyOption concurrency;
  @Mixin SelectionOptions selection;
  @Spec CommandSpec spec;

  @Mixin BillingProbeOption probe;

  /** UNKNOWN by default: an unproven account is not a compliant one. */
  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "unknown",
      description = "Results that exit 1: unknown (FAIL and UNKNOWN), fail (FAIL only) or none (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--check-lockouts", description = "Also list each account's SQS queues (in --region) and S3 buckets"
      + " through AssumeRoot sessions with SQSUnlockQueuePolicy and S3UnlockBucketPolicy and report those whose policy"
      + " denies the account's administrators: a lock-out only root can repair (checks no-queue-lockouts,"
      + " no-bucket-lockouts).")
  boolean checkLockouts;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("audit", options, spec);
    if (!report.valid(run.command(), run.err()) || !output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    // json, csv and text rows stream to the terminal as they finish: they are the progress there. A table
    // and a query's result come at the end, so they get a bar.
    boolean bar = (output.output == OutputOptions.Output.TABLE || output.query != null)
        && System.console() != null;
    Progress progress = new Progress("accounts audited", run.err(), bar, System::nanoTime);
    // The results are printed while the audit runs: nothing is left to print after it.
    return run.run(clients -> audit(clients, progress, run.out()), tally -> {}, tally -> exitCode(tally, run.err()));
  }

  private AuditTally audit(AwsClients clients, Progress progress, PrintWriter out) throws IOException {
    try (ReportFile file = ReportFile.openIfAsked(report.report);
        AuditOutput stdout = AuditOutput.of(output, options.color(), out)) {
      AuditSink sink = file == null ? stdout : AuditSink.tee(stdout, file.sink());
      EmulatorBillingProbe billingProbe = probe.probe(clients);
      Auditor auditor = new Auditor(clients, VendingRecords.open(options.stateDir), billingProbe, options.clock,
          options.ids);
      AuditTally tally = (checkLockouts ? auditor.withLockoutChecks() : auditor)
          .audit(selection.selection(), concurrency.concurrency, progress, sink);
      progress.finish();
      if (file != null) {
        file.commit();
      }
      stdout.finish();
      return tally;
    } catch (QueryOutput.EvaluationException | GovernanceRun.UsageError e) {
      throw e;
    } catch (RuntimeException e) {
      progress.finish();
      throw e;
    }
  }

  private int exitCode(AuditTally tally, PrintWriter err) {
    if (tally.incomplete()) {
      err.println("audit: incomplete: " + tally.verdicts().get(Verdict.ERROR) + " account(s) could not be audited");
      return ExitCodes.INCOMPLETE;
    }
    if (!tally.hasFindings(failOn)) {
      return ExitCodes.OK;
    }
    err.println("audit: exit 1: " + tally.findings(failOn));
    return ExitCodes.FINDINGS;
  }
}
