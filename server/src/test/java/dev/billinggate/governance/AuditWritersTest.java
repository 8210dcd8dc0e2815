package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AuditHeader HEADER = new AuditHeader(AuditHeader.SCHEMA_VERSION, "run-1",
      Instant.parse("2026-11-24T10:00:00Z"),
      new OrgContext("o-abc", "111111111111", "arn:aws:iam::111111111111:root", List.of("RootSessions"), null));
  private static final Instant FINISHED = Instant.parse("2026-11-24T10:01:00Z");

  private static AccountAudit audit(String id, Verdict verdict, CheckStatus credentials) {
    List<Check> checks = List.of(new Check(Check.ACCOUNT_STATE, CheckStatus.PASS, "State ACTIVE", ""),
        new Check(Check.ROOT_CREDENTIALS, credentials, "password <present>", "root plan"));
    return new AccountAudit(id, "name-" + id, id + "@example.com", "ACTIVE", List.of("ou-1", "r-1"), BillingAccess.ON,
        "vending record", null, checks, verdict, verdict == Verdict.READY ? List.of() : List.of("a \"reason\" <b>"));
  }

  private static final List<AccountAudit> ACCOUNTS = List.of(audit("222222222222", Verdict.READY, CheckStatus.PASS),
      audit("333333333333", Verdict.BLOCKED, CheckStatus.FAIL), audit("444444444444", Verdict.ERROR, CheckStatus.ERROR));

  @Test
  void jsonIsWrittenAccountByAccountNotAtTheEnd() throws Exception {
    StringWriter out = new StringWriter();
    AuditSink json = AuditReports.writer(ReportFormat.JSON, out);
    json.begin(HEADER);
    json.account(ACCOUNTS.get(0));
    assertThat(out.toString()).contains("\"runId\" : \"run-1\"").contains("222222222222");
    json.account(ACCOUNTS.get(1));
    assertThat(out.toString()).contains("333333333333");
  }

  @Test
  void jsonReportHasTheVersionedShapeWithTotalsAfterTheAccounts() throws Exception {
    JsonNode report = JSON.readTree(AuditReports.render(run(), ReportFormat.JSON));
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("startedAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(report.get("finishedAt").asText()).isEqualTo("2026-11-24T10:01:00Z");
    assertThat(report.get("organization").get("organizationId").asText()).isEqualTo("o-abc");
    assertThat(report.get("accounts")).hasSize(3);
    assertThat(report.get("accounts").get(1).get("checks").get(1).get("status").asText()).isEqualTo("FAIL");
    assertThat(report.get("summary").get("accounts").asInt()).isEqualTo(3);
    assertThat(report.get("summary").get("verdicts").toString())
        .isEqualTo("{\"READY\":1,\"BLOCKED\":1,\"UNKNOWN\":0,\"ERROR\":1}");
  }

  @Test
  void sarifHasOneResultPerNonCompliantCheck() throws Exception {
    JsonNode sarif = JSON.readTree(AuditReports.render(run(), ReportFormat.SARIF));
    JsonNode results = sarif.get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("level").asText()).isEqualTo("error");
    assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
    assertThat(sarif.get("runs").get(0).get("automationDetails").get("id").asText()).endsWith("run-1");
  }

  @Test
  void csvHasARowPerAccountAndCheck() {
    String csv = AuditReports.render(run(), ReportFormat.CSV);
    assertThat(csv.split("\r\n")).hasSize(1 + 3 * 2);
  }

  @Test
  void htmlEscapesRowsAndShowsTheChartAboveTheTable() {
    String html = AuditReports.render(run(), ReportFormat.HTML);
    assertThat(html).contains("a &quot;reason&quot; &lt;b&gt;").doesNotContain("<b>");
    assertThat(html.split("<tr><td>")).hasSize(1 + 3);
    assertThat(html).contains("#summary{order:-1}").contains("3 account(s)");
    // The chart comes after the rows in the file (it needs the totals), one bar per verdict.
    assertThat(html.indexOf("<svg")).isGreaterThan(html.indexOf("444444444444"));
    assertThat(html.split("<rect ")).hasSize(1 + Verdict.values().length);
  }

  @Test
  void tallyCountsVerdictsAndFindings() {
    AuditTally tally = run().tally();
    assertThat(tally.accounts()).isEqualTo(3);
    assertThat(tally.incomplete()).isTrue();
    assertThat(tally.hasFindings(FailOn.FAIL)).isTrue();
    assertThat(tally.hasFindings(FailOn.NONE)).isFalse();
    AuditTally ready = new AuditTally();
    ready.add(ACCOUNTS.get(0));
    assertThat(ready.hasFindings(FailOn.UNKNOWN)).isFalse();
    assertThat(ready.incomplete()).isFalse();
  }

  private static AuditRun run() {
    return new AuditRun(HEADER, FINISHED, ACCOUNTS);
  }
}
