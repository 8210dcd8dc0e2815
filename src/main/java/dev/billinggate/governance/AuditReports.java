package dev.billinggate.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit run as JSON, CSV, SARIF 2.1.0 or self-contained HTML. */
public final class AuditReports {
  private AuditReports() {}

  public static String render(AuditRun run, ReportFormat format) {
    return switch (format) {
      case JSON -> toJson(run);
      case CSV -> csv(run);
      case SARIF -> sarif(run);
      case HTML -> AuditHtml.render(run);
    };
  }

  /** Any result of the governance commands as indented JSON (ISO-8601 timestamps). */
  public static String toJson(Object value) {
    try {
      return StateFiles.JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One row per account and check, so spreadsheets can filter on either. */
  static String csv(AuditRun run) {
    StringBuilder out = new StringBuilder(Csv.line(List.of("runId", "accountId", "name", "state", "verdict",
        "billingAccess", "check", "status", "evidence", "remediation")));
    for (AccountAudit a : run.accounts()) {
      for (Check c : a.checks()) {
        out.append(Csv.line(List.of(run.runId(), a.accountId(), a.name(), a.state(), a.verdict().name(),
            a.billingAccess().name(), c.id(), c.status().name(), c.evidence(), c.remediation())));
      }
    }
    return out.toString();
  }

  /** SARIF 2.1.0: one result per non-compliant check; accounts are logical locations. */
  static String sarif(AuditRun run) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (String id : List.of(Check.ACCOUNT_STATE, Check.ROOT_ACCESS, Check.BILLING_ACCESS, Check.ROOT_TASKS_SCP,
        Check.BILLING_PAGES_SCP, Check.ROOT_CREDENTIALS, "audit")) {
      rules.add(Map.of("id", id, "shortDescription", Map.of("text", id.replace('-', ' '))));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (AccountAudit a : run.accounts()) {
      for (Check c : a.checks()) {
        String level = switch (c.status()) {
          case FAIL -> "error";
          case UNKNOWN, ERROR -> "warning";
          case PASS, NOT_APPLICABLE -> null;
        };
        if (level == null) {
          continue;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", c.id());
        result.put("level", level);
        result.put("message", Map.of("text", "Account " + a.accountId() + ": " + c.status() + ": " + c.evidence()
            + (c.remediation().isEmpty() ? "" : " Fix: " + c.remediation())));
        result.put("locations", List.of(Map.of("logicalLocations", List.of(Map.of(
            "name", a.accountId(), "kind", "resource", "fullyQualifiedName", "aws/account/" + a.accountId())))));
        results.add(result);
      }
    }
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(Map.of(
        "tool", Map.of("driver", Map.of("name", "billing-gate", "informationUri",
            "https://github.com/billing-gate/billing-gate", "rules", rules)),
        "automationDetails", Map.of("id", "billing-gate/audit/" + run.runId()),
        "results", results)));
    return toJson(sarif);
  }
}
