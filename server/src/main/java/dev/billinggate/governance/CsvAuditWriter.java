package dev.billinggate.governance;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The CSV report: one row per account and check, so spreadsheets can filter on either. */
final class CsvAuditWriter implements AuditSink {
  private final Writer out;
  private String runId;

  CsvAuditWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(AuditHeader header) throws IOException {
    runId = header.runId();
    out.write(Csv.line(List.of("runId", "accountId", "name", "state", "verdict", "billingAccess", "check", "status",
        "evidence", "remediation")));
  }

  @Override
  public void account(AccountAudit a) throws IOException {
    for (Check c : a.checks()) {
      out.write(Csv.line(List.of(runId, a.accountId(), a.name(), a.state(), a.verdict().name(),
          a.billingAccess().name(), c.id(), c.status().name(), c.evidence(), c.remediation())));
    }
  }

  @Override
  public void end(Instant finishedAt, AuditTally tally) throws IOException {
    out.flush();
  }
}
