package dev.billinggate.cli;

import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.AuditRun;
import dev.billinggate.governance.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code --report FILE}. */
final class Reports {
  private Reports() {}

  static void write(Path file, AuditRun run) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, AuditReports.render(run, ReportFormat.of(file)), StandardCharsets.UTF_8);
  }
}
