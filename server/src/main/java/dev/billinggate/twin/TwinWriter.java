package dev.billinggate.twin;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a twin file as it is pulled: the organization-wide parts first, then one account at a
 * time, then the failures and an end marker with the account count. Memory holds one account.
 *
 * <p>Layout (every field always present, in this order; {@link TwinReader} checks it):
 * <pre>
 * {"schemaVersion": 1, "header": {...}, "organization": {...}, "roots": [...], "organizationalUnits": [...],
 *  "policies": [...], "trustedAccess": [...], "delegatedAdministrators": [...], "resourcePolicy": {...}|null,
 *  "rootAccess": {...}, "accounts": [...], "failures": [...], "end": {"accounts": N}}
 * </pre>
 */
public final class TwinWriter implements AutoCloseable {
  public static final int SCHEMA_VERSION = 1;

  private final JsonGenerator json;
  private long accounts;

  private TwinWriter(JsonGenerator json) {
    this.json = json;
  }

  /** Indented, for people who read or edit it; the caller closes {@code out} after {@link #close}. */
  public static TwinWriter open(OutputStream out) throws IOException {
    return open(out, true);
  }

  public static TwinWriter open(OutputStream out, boolean indented) throws IOException {
    JsonGenerator json = TwinJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (indented) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
    }
    return new TwinWriter(json);
  }

  /** A whole twin at once. */
  public static void write(Twin twin, OutputStream out, boolean indented) throws IOException {
    try (TwinWriter writer = open(out, indented)) {
      writer.begin(twin);
      for (Twin.Account account : twin.accounts()) {
        writer.account(account);
      }
      writer.finish(twin.failures());
    }
  }

  /** Everything before the accounts; {@code twin}'s accounts and failures are ignored. */
  public void begin(Twin twin) throws IOException {
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SCHEMA_VERSION);
    field("header", twin.header());
    field("organization", twin.organization());
    field("roots", twin.roots());
    field("organizationalUnits", twin.organizationalUnits());
    field("policies", twin.policies());
    field("trustedAccess", twin.trustedAccess());
    field("delegatedAdministrators", twin.delegatedAdministrators());
    field("resourcePolicy", twin.resourcePolicy());
    field("rootAccess", twin.rootAccess());
    json.writeArrayFieldStart("accounts");
  }

  public void account(Twin.Account account) throws IOException {
    TwinJson.MAPPER.writeValue(json, account);
    accounts++;
  }

  public void finish(List<Twin.Failure> failures) throws IOException {
    json.writeEndArray();
    field("failures", failures);
    json.writeObjectFieldStart("end");
    json.writeNumberField("accounts", accounts);
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  private void field(String name, Object value) throws IOException {
    json.writeFieldName(name);
    TwinJson.MAPPER.writeValue(json, value);
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
