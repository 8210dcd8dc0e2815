package dev.billinggate.cli;

import dev.billinggate.governance.AccountAudit;
import dev.billinggate.governance.AccountRequest;
import dev.billinggate.governance.AuditHeader;
import dev.billinggate.governance.AuditRun;
import dev.billinggate.governance.Auditor;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.CredentialResult;
import dev.billinggate.governance.OrgContext;
import dev.billinggate.governance.Vended;
import dev.billinggate.governance.VendingRecords;
import dev.billinggate.governance.Vendor;
import dev.billinggate.governance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "vend",
    mixinStandardHelpOptions = true,
    description = {
      "Create member accounts ready for root removal.",
      "CreateAccount with IamUserAccessToBilling=ALLOW (at most 5 in flight), wait, move to --ou, record the"
          + " evidence in the state directory, delete any root credential through AssumeRoot, then audit each"
          + " account."},
    footer = {"", "Exit codes: 0 every account vended and READY, 1 vended but not READY, 2 usage, 3 some accounts"
        + " not vended or not cleaned up, 4 credentials or configuration, 5 AWS service error."})
final class VendCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Mixin ReportOption report;
  @Mixin ConcurrencyOption concurrency;
  @Spec CommandSpec spec;

  @Option(names = "--account", required = true, paramLabel = "NAME=EMAIL", description = "An account to create; repeat for more.")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--ou", paramLabel = "OU_ID", description = "Move the new accounts here (default: stay under the root).")
  String ou;

  @Option(names = "--deny-billing-access", description = "Create with IamUserAccessToBilling=DENY (the account then cannot be READY).")
  boolean denyBillingAccess;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT15M", description = "How long to wait for each CreateAccount, ISO-8601 (default: ${DEFAULT-VALUE}; at least PT10M on AWS).")
  Duration timeout;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("vend", options, spec);
    List<AccountRequest> requests;
    try {
      requests = accounts.stream().map(AccountRequest::parse).toList();
    } catch (IllegalArgumentException e) {
      return run.usage(e.getMessage());
    }
    if (!report.valid(run.command(), run.err()) || !output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    return run.run(clients -> vend(clients, requests, run.err()), results -> print(results, run.out()),
        VendCommand::exitCode);
  }

  private List<Vended> vend(AwsClients clients, List<AccountRequest> requests, PrintWriter err) throws IOException {
    VendingRecords records = VendingRecords.open(options.stateDir);
    Auditor auditor = new Auditor(clients, records, options.clock, options.ids);
    Progress progress = new Progress("accounts vended", err);
    Instant started = options.clock.instant();
    OrgContext context = auditor.context();
    List<Vended> results = new Vendor(clients, auditor, records, options.clock)
        .vend(context, requests, !denyBillingAccess, ou, timeout, concurrency.concurrency, progress);
    progress.finish();
    if (report.report != null) {
      // The report covers the accounts that got as far as their audit.
      List<AccountAudit> audits = results.stream().map(Vended::audit).filter(Objects::nonNull).toList();
      AuditHeader header = new AuditHeader(AuditHeader.SCHEMA_VERSION, options.ids.uuid(), started,
          context);
      ReportFile.write(report.report, new AuditRun(header, options.clock.instant(), audits));
    }
    return results;
  }

  private static int exitCode(List<Vended> results) {
    boolean incomplete = results.stream().anyMatch(v -> v.error() != null || v.audit() == null
        || v.deleted().stream().anyMatch(d -> d.outcome() == CredentialResult.Outcome.FAILED));
    if (incomplete) {
      return ExitCodes.INCOMPLETE;
    }
    return results.stream().allMatch(v -> v.audit().verdict() == Verdict.READY) ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private void print(List<Vended> results, PrintWriter out) {
    if (output.printDocument(results, out)) {
      return;
    }
    Table table = new Table("NAME", "ACCOUNT", "BILLING", "ROOT CREDENTIALS DELETED", "VERDICT", "DETAIL");
    for (Vended v : results) {
      boolean checked = v.audit() != null && v.audit().credentials() != null;
      String deleted = !v.deleted().isEmpty()
          ? String.join(", ", v.deleted().stream().map(d -> d.item() + " " + d.outcome()).toList())
          : checked ? "none found" : "not checked";
      table.row(v.request().name(), v.accountId() == null ? "-" : v.accountId(), denyBillingAccess ? "OFF" : "ON",
          deleted, v.audit() == null ? "-" : v.audit().verdict().name(),
          v.error() != null ? v.error() : String.join("; ", v.audit().reasons()));
    }
    out.print(output.output == OutputOptions.Output.TABLE ? table.render() : table.renderText());
    out.flush();
  }
}
