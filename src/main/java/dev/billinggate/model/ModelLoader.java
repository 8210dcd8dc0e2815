package dev.billinggate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.service.ServiceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.GZIPInputStream;

/** Parses a botocore {@code service-2.json.gz} into {@link ServiceModel}, keeping only what the wire needs. */
final class ModelLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelLoader() {}

  static ServiceModel load(ServiceId service) {
    String resource = "/aws-models/" + service.modelName() + "/service-2.json.gz";
    try (InputStream raw = ModelLoader.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing model resource " + resource);
      }
      JsonNode root = JSON.readTree(new GZIPInputStream(raw, 1 << 16));
      Map<String, Shape> shapes = new HashMap<>();
      Map<String, ErrorInfo> errors = new HashMap<>();
      root.path("shapes").fields().forEachRemaining(e -> {
        Shape shape = shape(e.getKey(), e.getValue());
        shapes.put(shape.name(), shape);
        if (shape.error() != null) {
          errors.put(shape.error().code(), shape.error());
        }
      });
      Map<String, OperationModel> operations = new HashMap<>();
      root.path("operations").fields().forEachRemaining(e -> operations.put(e.getKey(), operation(e.getKey(), e.getValue())));
      return new ServiceModel(service, operations, shapes, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static OperationModel operation(String name, JsonNode node) {
    JsonNode http = node.path("http");
    List<String> errors = new ArrayList<>();
    node.path("errors").forEach(error -> errors.add(error.path("shape").asText()));
    return new OperationModel(
        name,
        text(node.path("input"), "shape"),
        text(node.path("output"), "shape"),
        text(node.path("output"), "resultWrapper"),
        http.path("method").asText("POST"),
        http.path("requestUri").asText("/"),
        http.path("responseCode").asInt(200),
        List.copyOf(errors));
  }

  private static Shape shape(String name, JsonNode node) {
    Map<String, Member> members = new LinkedHashMap<>();
    node.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), new Member(
        e.getKey(),
        e.getValue().path("shape").asText(),
        text(e.getValue(), "location"),
        text(e.getValue(), "locationName"))));
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    List<String> enumValues = new ArrayList<>();
    node.path("enum").forEach(v -> enumValues.add(v.asText()));
    String pattern = text(node, "pattern");
    return new Shape(
        name,
        node.path("type").asText(),
        members,
        required,
        number(node, "min"),
        number(node, "max"),
        pattern,
        compile(pattern),
        List.copyOf(enumValues),
        text(node.path("member"), "shape"),
        text(node.path("key"), "shape"),
        text(node.path("value"), "shape"),
        node.path("sensitive").asBoolean(false),
        node.path("exception").asBoolean(false) ? error(name, node, members) : null);
  }

  private static ErrorInfo error(String name, JsonNode node, Map<String, Member> members) {
    JsonNode error = node.path("error");
    int status = error.path("httpStatusCode").asInt(400);
    String messageMember = members.containsKey("Message") ? "Message" : "message";
    return new ErrorInfo(error.path("code").asText(name), status, error.path("senderFault").asBoolean(status < 500),
        messageMember);
  }

  /** Botocore patterns are ECMAScript; the few Java cannot express are left unchecked rather than failing the model. */
  private static Pattern compile(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isNumber() ? null : value.asDouble();
  }
}
