package dev.billinggate.cli;

import dev.billinggate.governance.AccountAudit;
import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.AuditRun;
import dev.billinggate.governance.Auditor;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.ReportFormat;
import dev.billinggate.governance.Verdict;
import dev.billinggate.governance.VendingRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit member accounts: may their root credentials be deleted now?",
      "Checks centralized root access, root credentials (through AssumeRoot), billing access (from the vending",
      "record, else UNKNOWN), SCPs/RCPs that block root tasks or billing pages; verdict READY, BLOCKED, UNKNOWN or ERROR."},
    footer = {"", "Exit codes: 0 all compliant, 1 findings (see --fail-on), 2 usage, 3 incomplete (ERROR rows),",
      "4 credentials or configuration, 5 AWS service error."})
final class AuditCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin SelectionOptions selection;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!options.reportFormatValid("audit", err)) {
      return ExitCodes.USAGE;
    }
    AuditRun run;
    try (AwsClients clients = options.clients()) {
      Progress progress = new Progress("accounts checked:", err);
      run = new Auditor(clients, VendingRecords.open(options.stateDir), Clock.systemUTC())
          .audit(selection.selection(), options.concurrency, progress);
      progress.finish();
    } catch (RuntimeException e) {
      return Failures.report("audit", e, options.debug, err);
    }
    if (options.report != null) {
      Reports.write(options.report, run);
    }
    out.print(render(run));
    out.flush();
    if (run.incomplete()) {
      err.println("audit: incomplete: " + run.verdicts().get(Verdict.ERROR) + " account(s) could not be audited");
      return ExitCodes.INCOMPLETE;
    }
    return run.hasFindings(options.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private String render(AuditRun run) {
    return switch (options.output) {
      case JSON -> AuditReports.render(run, ReportFormat.JSON);
      case CSV -> AuditReports.render(run, ReportFormat.CSV);
      case TABLE -> table(run).render() + summary(run);
      case TEXT -> table(run).renderText();
    };
  }

  private Table table(AuditRun run) {
    Table table = new Table("ACCOUNT", "NAME", "STATE", "VERDICT", "BILLING", "ROOT CREDENTIALS", "REASONS");
    for (AccountAudit a : run.accounts()) {
      table.row(a.accountId(), nullToEmpty(a.name()), nullToEmpty(a.state()), colored(a.verdict()),
          a.billingAccess().name(), a.credentials() == null ? "not read" : a.credentials().describe(),
          String.join("; ", a.reasons()));
    }
    return table;
  }

  private String colored(Verdict verdict) {
    if (!options.color()) {
      return verdict.name();
    }
    String code = switch (verdict) {
      case READY -> "32";
      case BLOCKED -> "31";
      case UNKNOWN -> "33";
      case ERROR -> "35";
    };
    return "\u001b[" + code + "m" + verdict + "\u001b[0m";
  }

  private static String summary(AuditRun run) {
    return System.lineSeparator() + run.accounts().size() + " account(s): " + run.verdicts()
        + " — organization " + run.organization().organizationId() + ", run " + run.runId() + System.lineSeparator();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
