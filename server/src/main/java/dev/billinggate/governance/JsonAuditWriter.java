package dev.billinggate.governance;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The versioned JSON report, written as it runs: header fields, then {@code accounts} one by one, then
 * {@code finishedAt} and {@code summary} (known only at the end, hence after the accounts).
 */
final class JsonAuditWriter implements AuditSink {
  private final JsonGenerator json;

  JsonAuditWriter(Writer out) throws IOException {
    this.json = StateFiles.JSON.getFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
  }

  @Override
  public void begin(AuditHeader header) throws IOException {
    json.writeStartObject();
    json.writeNumberField("schemaVersion", header.schemaVersion());
    json.writeStringField("runId", header.runId());
    json.writeObjectField("startedAt", header.startedAt());
    json.writeObjectField("organization", header.organization());
    json.writeArrayFieldStart("accounts");
  }

  @Override
  public void account(AccountAudit audit) throws IOException {
    json.writeObject(audit);
  }

  @Override
  public void end(Instant finishedAt, AuditTally tally) throws IOException {
    json.writeEndArray();
    json.writeObjectField("finishedAt", finishedAt);
    json.writeObjectFieldStart("summary");
    json.writeNumberField("accounts", tally.accounts());
    json.writeObjectField("verdicts", tally.verdicts());
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }
}
