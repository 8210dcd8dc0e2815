package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billinggate.governance.AccountAudit;
import dev.billinggate.governance.AuditHeader;
import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.AuditSink;
import dev.billinggate.governance.AuditTally;
import dev.billinggate.governance.ReportFormat;
import dev.billinggate.governance.Verdict;
import io.burt.jmespath.Expression;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code audit}'s stdout as the accounts arrive. json, csv and text stream straight through; a table
 * needs every row's width first, so rows wait in a temporary file rather than in memory; so does the
 * JSON document a {@code --query} is applied to.
 */
abstract class AuditOutput implements AuditSink, AutoCloseable {
  private static final List<String> HEADER =
      List.of("ACCOUNT", "NAME", "STATE", "VERDICT", "BILLING", "ROOT CREDENTIALS", "REASONS");

  static AuditOutput of(OutputOptions options, boolean color, PrintWriter out) throws IOException {
    if (options.query() != null) {
      return Queried.spooled(options.query(), options.output, out);
    }
    return switch (options.output) {
      case JSON -> new Report(AuditReports.writer(ReportFormat.JSON, out));
      case CSV -> new Report(AuditReports.writer(ReportFormat.CSV, out));
      case TEXT -> new Text(out);
      case TABLE -> new SpooledTable(color, out);
    };
  }

  @Override
  public void begin(AuditHeader header) throws IOException {}

  /** Called once the run and its report are done: outputs that wait for the end print here. */
  void finish() throws IOException {}

  @Override
  public void close() throws IOException {}

  static List<String> cells(AccountAudit a, boolean color) {
    return List.of(a.accountId(), nullToEmpty(a.name()), nullToEmpty(a.state()),
        color ? colored(a.verdict()) : a.verdict().name(), a.billingAccess().name(),
        a.credentials() == null ? "not read" : a.credentials().describe(), String.join("; ", a.reasons()))
        .stream().map(AuditOutput::oneLine).toList();
  }

  private static String colored(Verdict verdict) {
    String code = switch (verdict) {
      case READY -> "32";
      case BLOCKED -> "31";
      case UNKNOWN -> "33";
      case ERROR -> "35";
    };
    return "\u001b[" + code + "m" + verdict + "\u001b[0m";
  }

  /** AWS error texts may hold tabs or newlines; a row must stay one line of tab-free cells. */
  private static String oneLine(String cell) {
    return cell.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** json and csv: the report formats themselves. */
  private static class Report extends AuditOutput {
    private final AuditSink report;

    Report(AuditSink report) {
      this.report = report;
    }

    @Override
    public void begin(AuditHeader header) throws IOException {
      report.begin(header);
    }

    @Override
    public void account(AccountAudit audit) throws IOException {
      report.account(audit);
    }

    @Override
    public void end(Instant finishedAt, AuditTally tally) throws IOException {
      report.end(finishedAt, tally);
    }
  }

  /** Tab-separated rows without a header, for shell pipelines. */
  private static final class Text extends AuditOutput {
    private final PrintWriter out;

    Text(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void account(AccountAudit audit) {
      out.print(Table.textLine(cells(audit, false)));
    }

    @Override
    public void end(Instant finishedAt, AuditTally tally) {
      out.flush();
    }
  }

  /**
   * {@code --query} needs the whole document: the JSON report goes to a temporary file, and only the
   * query's result is held in memory, once the run is over.
   */
  private static final class Queried extends Report {
    private final Expression<JsonNode> query;
    private final OutputOptions.Output format;
    private final PrintWriter out;
    private final Path spool;
    private final BufferedWriter json;

    private Queried(Expression<JsonNode> query, OutputOptions.Output format, PrintWriter out, Path spool,
        BufferedWriter json) throws IOException {
      super(AuditReports.writer(ReportFormat.JSON, json));
      this.query = query;
      this.format = format;
      this.out = out;
      this.spool = spool;
      this.json = json;
    }

    static Queried spooled(Expression<JsonNode> query, OutputOptions.Output format, PrintWriter out)
        throws IOException {
      Path spool = Files.createTempFile("billing-gate-audit", ".json");
      return new Queried(query, format, out, spool, Files.newBufferedWriter(spool, StandardCharsets.UTF_8));
    }

    @Override
    public void end(Instant finishedAt, AuditTally tally) throws IOException {
      super.end(finishedAt, tally);
      json.close();
    }

    /** After the report is committed: a query that fails on the result must not cost the report. */
    @Override
    void finish() {
      QueryOutput.print(QueryOutput.tree(spool), query, format, out);
    }

    @Override
    public void close() throws IOException {
      json.close();
      Files.deleteIfExists(spool);
    }
  }

  private static final class SpooledTable extends AuditOutput {
    private final boolean color;
    private final PrintWriter out;
    private final Path spool;
    private final BufferedWriter rows;
    private final int[] widths = Table.widths(HEADER, new int[HEADER.size()]);
    private final int[] words = Table.longestWords(HEADER, new int[HEADER.size()]);
    private String organizationId;
    private String runId;
    private String summary;

    SpooledTable(boolean color, PrintWriter out) throws IOException {
      this.color = color;
      this.out = out;
      this.spool = Files.createTempFile("billing-gate-audit", ".tsv");
      this.rows = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(AuditHeader header) {
      organizationId = header.organization().organizationId();
      runId = header.runId();
    }

    @Override
    public void account(AccountAudit audit) throws IOException {
      List<String> cells = cells(audit, color);
      Table.widths(cells, widths);
      Table.longestWords(cells, words);
      rows.write(Table.textLine(cells));
    }

    @Override
    public void end(Instant finishedAt, AuditTally tally) throws IOException {
      rows.close();
      summary = tally.summary() + " (organization " + organizationId + ", run " + runId + ")";
    }

    @Override
    void finish() throws IOException {
      int[] fitted = Table.fit(widths, words, Table.width());
      out.print(Table.lines(HEADER, fitted));
      try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          out.print(Table.lines(Arrays.asList(line.split("\t", -1)), fitted));
        }
      }
      out.println();
      out.println(summary);
      out.flush();
    }

    @Override
    public void close() {
      try {
        rows.close();
        Files.deleteIfExists(spool);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
