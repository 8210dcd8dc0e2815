package dev.billinggate.cli;

import dev.billinggate.governance.RootPlan;
import java.io.PrintWriter;

/** A root plan on stdout: one row per credential to delete, one per refused or clean account. */
final class PlanOutput {
  private PlanOutput() {}

  static void print(RootPlan plan, OutputOptions.Output output, PrintWriter out) {
    Table table = new Table("ACCOUNT", "NAME", "ACTION", "CREDENTIAL", "DETAIL");
    for (RootPlan.Entry e : plan.accounts()) {
      String name = e.name() == null ? "" : e.name();
      if (e.refused() != null) {
        table.row(e.accountId(), name, "refuse", String.join(", ", e.delete()), e.refused());
      } else if (e.delete().isEmpty()) {
        table.row(e.accountId(), name, "none", "-", "nothing to delete"
            + (plan.only().isEmpty() ? "" : " of " + String.join(", ", plan.only())));
      } else {
        for (String item : e.delete()) {
          table.row(e.accountId(), name, "delete", item, "billing access " + e.billingAccess());
        }
      }
    }
    if (output == OutputOptions.Output.TABLE) {
      out.print(table.render());
      out.println();
      out.println(summary(plan));
    } else {
      out.print(table.renderText());
    }
    out.flush();
  }

  /** {@code Plan P: 3 credentials to delete in 2 accounts; 1 refused; 4 with nothing to delete.} */
  static String summary(RootPlan plan) {
    int credentials = plan.toDelete().stream().mapToInt(e -> e.delete().size()).sum();
    return "Plan " + plan.planId() + ": " + count(credentials, "credential") + " to delete in "
        + count(plan.toDelete().size(), "account") + "; " + plan.refused().size() + " refused; "
        + plan.nothingToDelete().size() + " with nothing to delete.";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
