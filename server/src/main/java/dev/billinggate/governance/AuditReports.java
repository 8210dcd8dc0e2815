package dev.billinggate.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The audit as JSON, CSV, SARIF 2.1.0 or self-contained HTML; each format is one streaming {@link AuditSink}. */
public final class AuditReports {
  private AuditReports() {}

  /** A sink writing {@code format} to {@code out}; the caller owns (and closes) {@code out}. */
  public static AuditSink writer(ReportFormat format, Writer out) throws IOException {
    return switch (format) {
      case JSON -> new JsonAuditWriter(out);
      case CSV -> new CsvAuditWriter(out);
      case SARIF -> new SarifAuditWriter(out);
      case HTML -> new HtmlAuditWriter(out);
    };
  }

  public static String render(AuditRun run, ReportFormat format) {
    StringWriter out = new StringWriter();
    try {
      run.replay(writer(format, out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Any result of the governance commands as indented JSON (ISO-8601 timestamps). */
  public static String toJson(Object value) {
    try {
      return StateFiles.JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
