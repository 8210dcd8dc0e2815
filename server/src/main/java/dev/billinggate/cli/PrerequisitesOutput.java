package dev.billinggate.cli;

import dev.billinggate.governance.RootAccessSetup;
import java.io.PrintWriter;

/** {@code root check} and {@code root enable} on stdout: one row per prerequisite, with its state before enable. */
final class PrerequisitesOutput {
  private PrerequisitesOutput() {}

  /** @return the exit code: 0 when every prerequisite is met, else 1 */
  static int print(String command, RootAccessSetup.Report report, OutputOptions output, PrintWriter out,
      PrintWriter err) {
    try {
      if (!output.printDocument(report, out)) {
        Table table = report.before() == null ? new Table("PREREQUISITE", "STATUS", "DETAIL")
            : new Table("PREREQUISITE", "BEFORE", "AFTER", "DETAIL");
        for (int i = 0; i < report.prerequisites().size(); i++) {
          RootAccessSetup.Prerequisite p = report.prerequisites().get(i);
          if (report.before() == null) {
            table.row(p.id(), status(p), p.detail());
          } else {
            table.row(p.id(), status(report.before().get(i)), status(p), p.detail());
          }
        }
        out.print(output.output == OutputOptions.Output.TABLE ? table.render() : table.renderText());
        out.flush();
      }
    } catch (QueryOutput.EvaluationException e) {
      err.println(command + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return report.ready() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static String status(RootAccessSetup.Prerequisite p) {
    return p.met() ? "OK" : "MISSING";
  }
}
