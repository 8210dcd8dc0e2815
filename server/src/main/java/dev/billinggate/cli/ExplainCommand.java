package dev.billinggate.cli;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.governance.Explainer;
import dev.billinggate.governance.Explanation;
import dev.billinggate.governance.FailOn;
import dev.billinggate.governance.VendingRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {"Explain why a principal may or may not open a billing page or call actions.",
      "Checks the account's billing switch (from the vending record), SCPs/RCPs on the account's path, then"
          + " IAM SimulatePrincipalPolicy. Prints the deciding statement and the fix for each action, and what"
          + " cannot be known."},
    footer = {"", "Exit codes: 0 allowed, 1 denied (or unknown with --fail-on unknown), 2 usage, 4 credentials or"
        + " configuration, 5 AWS service error."})
final class ExplainCommand implements Callable<Integer> {
  @Mixin GovernanceOptions options;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--principal", required = true, paramLabel = "ARN", description = "IAM user or role ARN.")
  String principal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--page", paramLabel = "PAGE", description = "home, bills, cost-explorer, budgets, account or preferences.")
    String page;

    @Option(names = "--action", paramLabel = "ACTION", description = "An action such as ce:GetCostAndUsage; repeat for more.")
    List<String> actions;
  }

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail",
      description = "Results that exit 1: fail (DENIED), unknown (DENIED and UNKNOWN) or none (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "OrganizationAccountAccessRole",
      description = "Role assumed in the principal's account to simulate there (default: ${DEFAULT-VALUE}).")
  String roleName;

  @Override
  public Integer call() throws IOException {
    GovernanceRun run = new GovernanceRun("explain", options, spec).usageErrors(IllegalArgumentException.class);
    if (!output.queryValid(run.command(), run.err())) {
      return ExitCodes.USAGE;
    }
    BillingPage page;
    try {
      page = target.page == null ? null : BillingPage.fromCliName(target.page);
    } catch (IllegalArgumentException e) {
      return run.usage(e.getMessage());
    }
    List<String> actions = page == null ? target.actions : page.actions();
    return run.run(
        clients -> new Explainer(clients, VendingRecords.open(options.stateDir)).explain(principal, page, actions, roleName),
        explanation -> print(explanation, run.out()),
        explanation -> failOn.counts(explanation.overall()) ? ExitCodes.FINDINGS : ExitCodes.OK);
  }

  private void print(Explanation e, PrintWriter out) {
    if (output.printDocument(e, out)) {
      return;
    }
    Table table = new Table("ACTION", "RESULT", "DECIDED BY", "FIX");
    for (Explanation.Step s : e.steps()) {
      String result = switch (s.status()) {
        case PASS -> "ALLOWED";
        case FAIL -> "DENIED";
        default -> "UNKNOWN";
      };
      table.row(s.action(), result, s.decidedBy(), s.fix());
    }
    if (output.output != OutputOptions.Output.TABLE) {
      out.print(table.renderText());
      out.flush();
      return;
    }
    out.println(e.principal() + (e.page() == null ? "" : " on the " + e.page() + " page") + " in account "
        + e.accountId() + "; billing switch " + e.billingAccess() + " (" + e.billingSource() + ")");
    out.println();
    out.print(table.render());
    out.println();
    out.println("Not known to this tool:");
    e.cannotKnow().forEach(line -> out.println("  - " + line));
    out.flush();
  }
}
