package dev.billinggate.cli;

import dev.billinggate.governance.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report}, for the commands that audit accounts: audit, vend and root plan (a picocli mixin). */
final class ReportOption {
  @Option(names = "--report", paramLabel = "FILE", description = "Also write a report; the extension picks the format: .json, .csv, .sarif or .html.")
  Path report;

  /** Checks the extension before any AWS call, so a typo costs nothing. */
  boolean valid(String command, PrintWriter err) {
    if (report == null) {
      return true;
    }
    try {
      ReportFormat.of(report);
      return true;
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return false;
    }
  }
}
