package dev.billinggate.governance;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0: one result per non-compliant check; accounts are logical locations. */
final class SarifAuditWriter implements AuditSink {
  private static final List<String> RULES = List.of(Check.ACCOUNT_STATE, Check.ROOT_ACCESS, Check.BILLING_ACCESS,
      Check.ROOT_TASKS_SCP, Check.BILLING_PAGES_SCP, Check.ROOT_CREDENTIALS, "audit");

  private final JsonGenerator json;

  SarifAuditWriter(Writer out) throws IOException {
    this.json = StateFiles.JSON.getFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
  }

  @Override
  public void begin(AuditHeader header) throws IOException {
    json.writeStartObject();
    json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    json.writeObjectField("tool", Map.of("driver", Map.of("name", "billing-gate",
        "informationUri", "https://github.com/billing-gate/billing-gate",
        "rules", RULES.stream().map(id -> Map.of("id", id,
            "shortDescription", Map.of("text", id.replace('-', ' ')))).toList())));
    json.writeObjectField("automationDetails", Map.of("id", "billing-gate/audit/" + header.runId()));
    json.writeArrayFieldStart("results");
  }

  @Override
  public void account(AccountAudit a) throws IOException {
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
      json.writeObject(result);
    }
  }

  @Override
  public void end(Instant finishedAt, AuditTally tally) throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }
}
