package dev.billinggate.twin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a twin file element by element ({@link JsonParser}, one record at a time), in the layout
 * {@link TwinWriter} writes, then checks it whole ({@link TwinValidator}). Anything wrong is a
 * {@link TwinFormatException} naming the line, column and field; nothing is half-read.
 */
public final class TwinReader {
  private final JsonParser json;
  private final String name;

  private TwinReader(JsonParser json, String name) {
    this.json = json;
    this.name = name;
  }

  /** @param name the file's name, for messages */
  public static Twin read(InputStream in, String name) throws IOException {
    try (JsonParser json = TwinJson.MAPPER.getFactory().createParser(in)) {
      Twin twin = new TwinReader(json, name).twin();
      TwinValidator.check(twin, name);
      return twin;
    }
  }

  private Twin twin() throws IOException {
    try {
      expect(JsonToken.START_OBJECT, "a twin file (a JSON object)");
      field("schemaVersion");
      if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
        throw error("schemaVersion must be a whole number");
      }
      int version = json.getIntValue();
      if (version != TwinWriter.SCHEMA_VERSION) {
        throw error("unknown schema version " + version + "; this billing-gate reads version "
            + TwinWriter.SCHEMA_VERSION + " (a newer billing-gate wrote it?)");
      }
      Twin.Header header = value("header", Twin.Header.class);
      Twin.Organization organization = value("organization", Twin.Organization.class);
      List<Twin.Root> roots = list("roots", Twin.Root.class);
      List<Twin.Ou> ous = list("organizationalUnits", Twin.Ou.class);
      List<Twin.Policy> policies = list("policies", Twin.Policy.class);
      List<Twin.ServiceAccess> access = list("trustedAccess", Twin.ServiceAccess.class);
      List<Twin.DelegatedAdministrator> admins = list("delegatedAdministrators", Twin.DelegatedAdministrator.class);
      Twin.ResourcePolicy resourcePolicy = value("resourcePolicy", Twin.ResourcePolicy.class);
      Twin.RootAccess rootAccess = value("rootAccess", Twin.RootAccess.class);
      List<Twin.Account> accounts = list("accounts", Twin.Account.class);
      List<Twin.Failure> failures = list("failures", Twin.Failure.class);
      End end = value("end", End.class);
      expect(JsonToken.END_OBJECT, "the end of the twin after \"end\"");
      if (json.nextToken() != null) {
        throw error("unexpected content after the twin's closing brace");
      }
      if (end == null || end.accounts() != accounts.size()) {
        throw error("\"end\" counts " + (end == null ? "no" : end.accounts()) + " accounts but the file holds "
            + accounts.size() + " (accounts were removed or added by hand?)");
      }
      if (organization == null || header == null || rootAccess == null) {
        throw error("header, organization and rootAccess must not be null");
      }
      return new Twin(header, organization, roots, ous, policies, access, admins, resourcePolicy, rootAccess, accounts,
          failures);
    } catch (DatabindException e) {
      throw new TwinFormatException(name + ": " + place(e.getLocation()) + where(e) + reason(e));
    } catch (JsonProcessingException e) {
      // Truncated or not JSON at all.
      throw new TwinFormatException(name + ": " + place(e.getLocation()) + e.getOriginalMessage());
    }
  }

  /** The trailer: how many accounts the writer wrote, so a cut or hand-trimmed file shows. */
  record End(long accounts) {}

  private void field(String expected) throws IOException {
    JsonToken token = json.nextToken();
    if (token != JsonToken.FIELD_NAME || !expected.equals(json.currentName())) {
      throw error("expected field \"" + expected + "\" here, found "
          + (token == JsonToken.FIELD_NAME ? "\"" + json.currentName() + "\"" : String.valueOf(token)));
    }
  }

  private <T> T value(String field, Class<T> type) throws IOException {
    field(field);
    json.nextToken();
    if (json.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    return read(field, TwinJson.MAPPER.constructType(type));
  }

  private <T> List<T> list(String field, Class<T> type) throws IOException {
    field(field);
    expect(JsonToken.START_ARRAY, "an array for \"" + field + "\"");
    JavaType element = TwinJson.MAPPER.constructType(type);
    List<T> items = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() == null) {
        throw error("the file ends inside \"" + field + "\"");
      }
      T item = read(field + "[" + items.size() + "]", element);
      if (item == null) {
        throw error(field + "[" + items.size() + "] is null");
      }
      items.add(item);
    }
    return items;
  }

  private <T> T read(String where, JavaType type) throws IOException {
    try {
      return TwinJson.MAPPER.readValue(json, type);
    } catch (DatabindException e) {
      throw new TwinFormatException(name + ": " + place(e.getLocation()) + where + path(e) + ": " + reason(e));
    }
  }

  private void expect(JsonToken token, String what) throws IOException {
    if (json.nextToken() != token) {
      throw error("expected " + what);
    }
  }

  private TwinFormatException error(String message) {
    return new TwinFormatException(name + ": " + place(json.currentLocation()) + message);
  }

  private static String place(JsonLocation location) {
    return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  /** Jackson's reason without its class names and feature flags. */
  private static String reason(DatabindException e) {
    String message = e.getOriginalMessage();
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (message.startsWith("Missing creator property")) {
      return "missing";
    }
    return message;
  }

  private static String where(DatabindException e) {
    String path = path(e);
    return path.isEmpty() ? "" : path.substring(1) + ": ";
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      for (var reference : mapping.getPath()) {
        path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
      }
    }
    return path.toString();
  }
}
