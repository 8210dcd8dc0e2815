package dev.billinggate.cli;

import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.RootPlan;
import java.io.PrintWriter;

/** A root plan on stdout: one row per credential to delete, one per refused or clean account. */
final class PlanOutput {
  private PlanOutput() {}

  static void print(RootPlan plan, GovernanceOptions.Output output, PrintWriter out) {
    if (output == GovernanceOptions.Output.JSON) {
      out.print(AuditReports.toJson(plan));
      out.flush();
      return;
    }
    Table table = new Table("ACCOUNT", "NAME", "ACTION", "CREDENTIAL", "DETAIL");
    for (RootPlan.Entry e : plan.accounts()) {
      if (e.refused() != null) {
        table.row(e.accountId(), e.name() == null ? "" : e.name(), "refuse", String.join(", ", e.delete()), e.refused());
      } else if (e.delete().isEmpty()) {
        table.row(e.accountId(), e.name() == null ? "" : e.name(), "none", "-", "no root credentials");
      } else {
        for (String item : e.delete()) {
          table.row(e.accountId(), e.name() == null ? "" : e.name(), "delete", item, "billing access " + e.billingAccess());
        }
      }
    }
    if (output == GovernanceOptions.Output.TABLE) {
      out.print(table.render());
      out.println();
      out.println("Plan " + plan.planId() + ": " + plan.toDelete().stream().mapToInt(e -> e.delete().size()).sum()
          + " credential(s) to delete in " + plan.toDelete().size() + " account(s).");
    } else {
      out.print(table.renderText());
    }
    out.flush();
  }
}
