package dev.billinggate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.store.SnapshotContent;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exported form of a snapshot: one JSON file a team can commit as a fixture. Records appear as
 * JSON objects by table and key, both sorted, so two exports of the same state are byte-identical
 * and a diff shows what changed.
 *
 * <pre>{"schemaVersion":1,"kind":"billing-gate-snapshot","createdAt":"…","tables":{"iam.users":{"123456789012/admin":{…}}}}</pre>
 */
public final class SnapshotFile {
  public static final int SCHEMA_VERSION = 1;
  static final String KIND = "billing-gate-snapshot";

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SnapshotFile() {}

  public static byte[] write(SnapshotContent content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("kind", KIND);
    root.put("createdAt", content.createdAt().toString());
    ObjectNode tables = root.putObject("tables");
    try {
      for (var table : content.tables().entrySet()) {
        ObjectNode records = tables.putObject(table.getKey());
        for (var record : table.getValue().entrySet()) {
          records.set(record.getKey(), JSON.readTree(record.getValue()));
        }
      }
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored record is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException saying what is wrong: not JSON, not a snapshot file, a newer
   *     {@code schemaVersion}, or a malformed part
   */
  public static SnapshotContent read(byte[] file) {
    JsonNode root;
    try {
      root = JSON.readTree(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("The snapshot file is not valid JSON: " + e.getMessage().lines().findFirst()
          .orElse(""), e);
    }
    if (root == null || !root.isObject() || !KIND.equals(root.path("kind").asText(null))) {
      throw new IllegalArgumentException("Not a billing-gate snapshot file: expected a JSON object with \"kind\": \""
          + KIND + "\".");
    }
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
      throw new IllegalArgumentException("The snapshot file has no valid schemaVersion.");
    }
    if (version.intValue() > SCHEMA_VERSION) {
      throw new IllegalArgumentException("The snapshot file has schemaVersion " + version.intValue()
          + ", written by a newer billing-gate; this release reads schemaVersion " + SCHEMA_VERSION
          + ". Upgrade billing-gate to import it.");
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(root.path("createdAt").asText(""));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The snapshot file's createdAt is not an ISO-8601 instant.", e);
    }
    JsonNode tables = root.get("tables");
    if (tables == null || !tables.isObject()) {
      throw new IllegalArgumentException("The snapshot file has no \"tables\" object.");
    }
    SortedMap<String, SortedMap<String, String>> rows = new TreeMap<>();
    for (Map.Entry<String, JsonNode> table : tables.properties()) {
      if (!table.getValue().isObject()) {
        throw new IllegalArgumentException("Table " + table.getKey() + " is not a JSON object of records.");
      }
      SortedMap<String, String> records = new TreeMap<>();
      for (Map.Entry<String, JsonNode> record : table.getValue().properties()) {
        if (!record.getValue().isObject() || record.getKey().isEmpty()) {
          throw new IllegalArgumentException("Record " + table.getKey() + "/" + record.getKey()
              + " is not a JSON object under a non-empty key.");
        }
        records.put(record.getKey(), record.getValue().toString());
      }
      rows.put(table.getKey(), records);
    }
    return new SnapshotContent(createdAt, rows);
  }
}
